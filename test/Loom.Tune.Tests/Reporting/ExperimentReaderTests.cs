using Loom.Tune.Reporting;
using Loom.Tune.Search;
using Loom.Tune.Tests.Tuning;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Tune.Tests.Reporting;

public sealed class ExperimentReaderTests
{
    [Fact]
    public async Task An_experiment_folder_reads_back_as_the_grid_the_tuner_returned()
    {
        await using var f = await TunerFixture.StartAsync();
        var trainable = Trainable.Function(async ctx =>
        {
            var x = ctx.Config.Get<double>("x");
            for (var i = 1; ; i++)
            {
                await ctx.ReportAsync(new Dictionary<string, double> { ["loss"] = (x - 1) * (x - 1) + (1.0 / i) });
            }
        });
        var tuner = new Tuner(
            f.Loom, trainable, new SearchSpace { ["x"] = Domains.GridSearch(0.0, 1.0, 2.5) },
            new TuneConfig { Metric = "loss" }, f.Run(stop: new StopCriteria { MaxIterations = 4 }));
        var fitted = await tuner.FitAsync();

        var read = ExperimentReader.Read(fitted.ExperimentPath);

        Assert.Equal(fitted.ExperimentPath, read.ExperimentPath);
        Assert.Equal("loss", read.Metric);
        Assert.Equal(TuneMode.Min, read.Mode);
        Assert.Equal(fitted.Trials.Select(t => t.TrialId), read.Trials.Select(t => t.TrialId));
        Assert.All(read.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        Assert.Equal(12, read.TotalIterations);
        Assert.Equal(1.0, read.GetBestResult().Trial.Config.Get<double>("x"));
        Assert.Equal(fitted.ToCsv(), read.ToCsv());
    }

    [Fact]
    public void A_folder_without_an_experiment_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "loom-none-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Throws<FileNotFoundException>(() => ExperimentReader.Read(folder));
    }
}
