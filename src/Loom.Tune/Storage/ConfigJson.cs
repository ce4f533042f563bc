using System.Text.Json;

namespace Loom.Tune;

/// <summary>Writes a trial config as the flat JSON object of <c>params.json</c> (the saved state uses <see cref="TrialConfigJsonConverter"/>).</summary>
internal static class ConfigJson
{
    /// <summary>Options that write every double with a decimal point (3.0, not 3), so it reads back as a double.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static Dictionary<string, object?> ToJson(TrialConfig config) => new(config.Values, StringComparer.Ordinal);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new DoubleWithPoint());
        return options;
    }

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
