using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Tune;

/// <summary>
/// Writes a <see cref="TrialConfig"/> keeping each value's type (a <see cref="long"/> 3 stays a long, a
/// <see cref="double"/> 3 a double): an array of <c>{"name", "type", "value"}</c>. Values may be null, booleans,
/// strings, <see cref="int"/>, <see cref="long"/>, <see cref="float"/>, <see cref="double"/> or <see cref="decimal"/>.
/// </summary>
internal sealed class TrialConfigJsonConverter : JsonConverter<TrialConfig>
{
    /// <inheritdoc />
    public override TrialConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(ref reader, options)
            ?? throw new JsonException("A trial config is an array of entries.");
        return new TrialConfig(entries.Select(e => new KeyValuePair<string, object?>(e.Name, Decode(e))));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TrialConfig value, JsonSerializerOptions options)
    {
        var entries = value.Values.Select(v => Encode(v.Key, v.Value)).ToList();
        JsonSerializer.Serialize(writer, entries, options);
    }

    private static Entry Encode(string name, object? value) => value switch
    {
        null => new Entry(name, "null", null),
        bool b => new Entry(name, "bool", b ? "true" : "false"),
        string s => new Entry(name, "string", s),
        int i => new Entry(name, "int", i.ToString(CultureInfo.InvariantCulture)),
        long l => new Entry(name, "long", l.ToString(CultureInfo.InvariantCulture)),
        float f => new Entry(name, "float", f.ToString("R", CultureInfo.InvariantCulture)),
        double d => new Entry(name, "double", d.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => new Entry(name, "decimal", m.ToString(CultureInfo.InvariantCulture)),
        _ when Search.ConfigValues.TryNormalize(value, out var normalized) && normalized is not null => Encode(name, normalized),
        _ => throw new NotSupportedException(
            $"The config value '{name}' is a {value.GetType().Name}; a saved config can hold only null, booleans, strings and numbers."),
    };

    private static object? Decode(Entry entry) => entry.Type switch
    {
        "null" => null,
        "bool" => entry.Value == "true",
        "string" => entry.Value,
        "int" => int.Parse(Required(entry), CultureInfo.InvariantCulture),
        "long" => long.Parse(Required(entry), CultureInfo.InvariantCulture),
        "float" => float.Parse(Required(entry), CultureInfo.InvariantCulture),
        "double" => double.Parse(Required(entry), CultureInfo.InvariantCulture),
        "decimal" => decimal.Parse(Required(entry), CultureInfo.InvariantCulture),
        _ => throw new JsonException($"Unknown config value type '{entry.Type}' for '{entry.Name}'."),
    };

    private static string Required(Entry entry) =>
        entry.Value ?? throw new JsonException($"The config value '{entry.Name}' has no value.");

    /// <summary>One saved config value.</summary>
    /// <param name="Name">The flat name.</param>
    /// <param name="Type">The value's type.</param>
    /// <param name="Value">The value as invariant text.</param>
    private sealed record Entry(string Name, string Type, string? Value);
}
