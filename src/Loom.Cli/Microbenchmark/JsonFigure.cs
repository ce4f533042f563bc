using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Cli.Microbenchmark;

/// <summary>One line of <c>--json</c> output: <c>{"name":"single client tasks async","per_s":123456.7}</c>.</summary>
internal sealed record JsonFigure(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("per_s")] double PerSecond)
{
    public static string Line(BenchmarkResult result) =>
        JsonSerializer.Serialize(new JsonFigure(result.Name, Math.Round(result.PerSecond, 2)));
}
