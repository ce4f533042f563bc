using Loom.Tune.Reporting;

namespace Loom.Tune.Tests.Reporting;

public sealed class MetricPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void The_plot_is_a_png_in_the_experiment_folder_by_default()
    {
        var folder = Path.Combine(Path.GetTempPath(), "loom-plot-" + Guid.NewGuid().ToString("N")[..8], "quadratic");
        try
        {
            var grid = new ResultGrid(folder, "loss", TuneMode.Min, [Trial("trial_00000", 3.0), Trial("trial_00001", 1.0), Trial("trial_00002", 0.1)]);

            var path = MetricPlot.Save(grid);

            Assert.Equal(Path.Combine(folder, "metric.png"), path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 10_000, $"only {bytes.Length} bytes");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void A_grid_without_results_still_gets_a_plot_at_the_given_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"loom-plot-{Guid.NewGuid():N}.png");
        try
        {
            var empty = new TrialOutcome { TrialId = "trial_00000", Config = TrialConfig.Empty, Status = TrialStatus.Error };
            var grid = new ResultGrid(Path.GetTempPath(), "loss", TuneMode.Min, [empty]);

            Assert.Equal(file, MetricPlot.Save(grid, file));
            Assert.Equal(PngSignature, File.ReadAllBytes(file)[..8]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static TrialOutcome Trial(string id, double floor)
    {
        var results = Enumerable.Range(1, 6)
            .Select(i => new TrialResult(id, i, new Dictionary<string, double> { ["loss"] = floor + (10.0 / i) }, TimeSpan.FromSeconds(i)))
            .ToList();
        return new TrialOutcome
        {
            TrialId = id,
            Config = new TrialConfig([new("x", floor)]),
            Status = TrialStatus.Terminated,
            Results = results,
            LastResult = results[^1],
        };
    }
}
