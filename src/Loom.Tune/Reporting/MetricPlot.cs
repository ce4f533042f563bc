using System.Globalization;
using ScottPlot;

namespace Loom.Tune.Reporting;

/// <summary>Draws the tuned metric of every trial against its training iteration, as a PNG.</summary>
public static class MetricPlot
{
    /// <summary>The file name of the plot in the experiment's folder.</summary>
    public const string DefaultFileName = "metric.png";

    /// <summary>
    /// Saves a line plot of <see cref="ResultGrid.Metric"/> against the training iteration: one line per trial,
    /// a legend with the trial ids, the best trial drawn thicker and named in the legend.
    /// </summary>
    /// <param name="grid">The experiment's results.</param>
    /// <param name="path">Where to write the PNG; <c>metric.png</c> in the experiment's folder when null.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <returns>The full path of the PNG.</returns>
    public static string Save(ResultGrid grid, string? path = null, int width = 900, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var file = Path.GetFullPath(path ?? Path.Combine(grid.ExperimentPath, DefaultFileName));
        var best = BestTrialId(grid);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var trial in grid.Trials)
        {
            var points = trial.Results.Where(r => r.Metrics.ContainsKey(grid.Metric)).ToList();
            var color = palette.GetColor(index++);
            if (points.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(
                points.Select(r => (double)r.Iteration).ToArray(),
                points.Select(r => r.Metrics[grid.Metric]).ToArray());
            var isBest = trial.TrialId == best;
            line.Color = isBest ? color : color.WithAlpha(0.55);
            line.LineWidth = isBest ? 4 : 1.5f;
            line.MarkerSize = isBest ? 9 : 4;
            line.LegendText = isBest ? $"{trial.TrialId} (best)" : trial.TrialId;
        }

        var name = Path.GetFileName(grid.ExperimentPath.TrimEnd(Path.DirectorySeparatorChar));
        var direction = grid.Mode == TuneMode.Min ? "lower is better" : "higher is better";
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{name}: {grid.Metric} ({direction})"));
        plot.XLabel("training iteration");
        plot.YLabel(grid.Metric);
        plot.ShowLegend(Edge.Right);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // The legend is one column on the right: make room for every trial's entry (about 22 pixels each).
        var plotted = grid.Trials.Count(t => t.Results.Any(r => r.Metrics.ContainsKey(grid.Metric)));
        plot.SavePng(file, width, Math.Clamp((22 * plotted) + 120, height, 2400));
        return file;
    }

    private static string? BestTrialId(ResultGrid grid)
    {
        try
        {
            return grid.GetBestResult().Trial.TrialId;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
