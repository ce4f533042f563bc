using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Tune.Search.State;

/// <summary>Writes and reads searcher states.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new TrialConfigJsonConverter() },
    };

    /// <summary>The JSON of a state.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="state">The state.</param>
    /// <returns>The JSON.</returns>
    public static string Write<T>(T state) => JsonSerializer.Serialize(state, Options);

    /// <summary>A state from its JSON.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="kind">The searcher that wrote it, checked against the state's <c>kind</c>.</param>
    /// <param name="kindOf">Reads the kind from the state.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The text is not a state of this searcher.</exception>
    public static T Read<T>(string json, string kind, Func<T, string?> kindOf)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        T? state;
        try
        {
            state = JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Not a saved {kind} state: {e.Message}", nameof(json), e);
        }

        return state is not null && kindOf(state) == kind
            ? state
            : throw new ArgumentException($"Not a saved {kind} state (its kind is '{(state is null ? null : kindOf(state))}').", nameof(json));
    }
}
