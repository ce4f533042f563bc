using System.Globalization;
using Loom.Tune;
using Spectre.Console;

namespace Loom.Cli.Tune;

/// <summary>The closing summary of an experiment: the best trial, counts by status, iterations and where the files are.</summary>
internal static class TuneSummary
{
    public static void Write(IAnsiConsole console, ResultGrid grid, string? csvPath, string? plotPath)
    {
        var culture = CultureInfo.InvariantCulture;
        var summary = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => summary.AddRow($"[bold]{name}[/]", Markup.Escape(value));
        Row("experiment", grid.ExperimentPath);
        if (TuneTable.Best(grid) is { } best)
        {
            Row("best trial", best.Trial.TrialId);
            Row("best config", best.Trial.Config.ToString());
            Row($"best {grid.Metric}", $"{TuneTable.Format(best.Result.Metrics[grid.Metric])} (iteration {best.Result.Iteration.ToString(culture)})");
        }
        else
        {
            Row("best trial", $"none: no trial reported '{grid.Metric}'");
        }

        Row("trials", string.Join(", ", grid.Trials.GroupBy(t => t.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Count().ToString(culture)} {g.Key.ToString().ToLowerInvariant()}")));
        Row("iterations", grid.TotalIterations.ToString(culture));
        if (csvPath is not null)
        {
            Row("results", csvPath);
        }

        if (plotPath is not null)
        {
            Row("plot", plotPath);
        }

        foreach (var error in grid.Errors)
        {
            Row($"error {error.TrialId}", error.Error?.Split('\n')[0] ?? "");
        }

        console.Write(summary);
    }
}
