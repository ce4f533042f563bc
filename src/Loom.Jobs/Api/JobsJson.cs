using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Jobs.Api;

/// <summary>
/// The JSON settings of the job service, its API and the CLI's <c>--json</c> output: camelCase names and
/// enum values as upper snake case (<c>"state": "OUT_OF_MEMORY"</c>).
/// </summary>
public static class JobsJson
{
    /// <summary>The settings.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same settings, indented for people.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
