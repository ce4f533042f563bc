using System.Text.Json;

namespace Loom.Tune;

/// <summary>Writes and reads trial configs as flat JSON objects, keeping whole numbers as <see cref="long"/>.</summary>
internal static class ConfigJson
{
    /// <summary>Options that write every double with a decimal point (3.0, not 3), so it reads back as a double.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static Dictionary<string, object?> ToJson(TrialConfig config) => new(config.Values, StringComparer.Ordinal);

    public static TrialConfig FromJson(Dictionary<string, JsonElement>? values) =>
        new((values ?? []).Select(v => new KeyValuePair<string, object?>(v.Key, Value(v.Value))));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new DoubleWithPoint());
        return options;
    }

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

    private sealed class DoubleWithPoint : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteRawValue(double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text);
        }
    }
}
