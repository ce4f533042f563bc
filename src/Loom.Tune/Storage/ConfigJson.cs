using System.Text.Json;

namespace Loom.Tune;

/// <summary>Writes and reads trial configs as flat JSON objects, keeping whole numbers as <see cref="long"/>.</summary>
internal static class ConfigJson
{
    public static Dictionary<string, object?> ToJson(TrialConfig config) => new(config.Values, StringComparer.Ordinal);

    public static TrialConfig FromJson(Dictionary<string, JsonElement>? values) =>
        new((values ?? []).Select(v => new KeyValuePair<string, object?>(v.Key, Value(v.Value))));

    public static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var whole) && !element.GetRawText().Contains('.', StringComparison.Ordinal)
            && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
