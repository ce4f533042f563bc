namespace Loom.Tune.Search.State;

/// <summary>Converts trial configs to and from their saved form.</summary>
internal static class StoredConfig
{
    /// <summary>The saved form.</summary>
    /// <param name="config">The config.</param>
    /// <returns>Names to typed values.</returns>
    public static Dictionary<string, StoredValue> From(TrialConfig config) =>
        config.Values.ToDictionary(v => v.Key, v => StoredValue.From(v.Value), StringComparer.Ordinal);

    /// <summary>The config.</summary>
    /// <param name="stored">The saved form.</param>
    /// <returns>The config.</returns>
    public static TrialConfig ToConfig(Dictionary<string, StoredValue>? stored) =>
        new((stored ?? []).Select(v => new KeyValuePair<string, object?>(v.Key, v.Value.ToValue())));
}
