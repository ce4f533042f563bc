using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Tune.Schedulers;

/// <summary>Saves and restores schedulers' states as JSON, checking they come from the same kind of scheduler built the same way.</summary>
internal static class SchedulerStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new TrialConfigJsonConverter() },
    };

    /// <summary>Writes a state.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="scheduler">The scheduler's kind.</param>
    /// <param name="arguments">The scheduler's arguments, as text.</param>
    /// <param name="state">The state.</param>
    /// <returns>The JSON.</returns>
    public static string Save<T>(string scheduler, string arguments, T state) =>
        JsonSerializer.Serialize(new SchedulerStateEnvelope<T>(scheduler, arguments, state), Options);

    /// <summary>Reads a state.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="scheduler">The kind of scheduler restoring it.</param>
    /// <param name="arguments">The restoring scheduler's arguments, as text.</param>
    /// <param name="json">The JSON from <see cref="Save{T}"/>.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The JSON is not a state of this kind of scheduler.</exception>
    /// <exception cref="InvalidOperationException">The state was saved by a scheduler with other arguments.</exception>
    public static T Restore<T>(string scheduler, string arguments, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SchedulerStateEnvelope<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SchedulerStateEnvelope<T>>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The text is not a saved {scheduler} scheduler state: {e.Message}", nameof(json), e);
        }

        if (envelope is null || envelope.State is null || envelope.Scheduler != scheduler)
        {
            throw new ArgumentException($"The text is not a saved {scheduler} scheduler state (it is from '{envelope?.Scheduler}').", nameof(json));
        }

        if (envelope.Arguments != arguments)
        {
            throw new InvalidOperationException(
                $"The state was saved by a {scheduler} scheduler built with ({envelope.Arguments}); this one has ({arguments}).");
        }

        return envelope.State;
    }
}
