using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loom.Cli.Microbenchmark.Scale;

/// <summary>One scale figure: how many items, how long, and the process's peak memory so far.</summary>
internal sealed record ScaleResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("per_s")] double PerSecond,
    [property: JsonPropertyName("peak_memory_mb")] double PeakMemoryMegabytes)
{
    public string JsonLine() => JsonSerializer.Serialize(this);
}
