using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Microbenchmark;

/// <summary>The human-readable results: per-second figures beside Ray 2.48's.</summary>
internal static class ResultTable
{
    public static Table Create(IEnumerable<BenchmarkResult> results, MicrobenchmarkSettings settings)
    {
        var table = new Table()
            .Title($"Loom microbenchmark ({settings.Rounds} rounds of {settings.RoundDuration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)")
            .AddColumn("Workload")
            .AddColumn(new TableColumn("Per second").RightAligned())
            .AddColumn(new TableColumn("+/-").RightAligned())
            .AddColumn(new TableColumn("Ray 2.48").RightAligned())
            .AddColumn(new TableColumn("vs Ray").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Name),
                Format(result.PerSecond),
                Format(result.StandardDeviation),
                result.RayPerSecond is { } ray ? Format(ray) : "",
                result.RayPerSecond is { } baseline ? (result.PerSecond / baseline).ToString("0.0x", CultureInfo.InvariantCulture) : "");
        }

        return table;
    }

    private static string Format(double value) =>
        value.ToString(value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);
}
