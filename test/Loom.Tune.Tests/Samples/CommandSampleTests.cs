using Loom.Tune.Schedulers;
using Loom.Tune.Search;
using Loom.Tune.Tests.Tuning;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Tune.Tests.Samples;

public sealed class CommandSampleTests
{
    private static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "examples", "TuneCommand", "train.py");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("examples/TuneCommand/train.py is not above the test's folder.");
    }

    [Fact]
    public async Task The_python_sample_is_tuned_with_asha_and_checkpoints_every_step()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 2);
        var space = new SearchSpace { ["lr"] = Domains.LogUniform(0.001, 0.5), ["momentum"] = Domains.Uniform(0.5, 0.99) };
        var tuner = new Tuner(f.Loom, Trainable.Command("python3", [Script()], gracePeriod: TimeSpan.FromSeconds(2)), space,
            new TuneConfig
            {
                Metric = "loss",
                NumSamples = 4,
                Seed = 7,
                MaxConcurrentTrials = 2,
                Scheduler = new AshaScheduler(gracePeriod: 2, reductionFactor: 2, maxT: 8),
            },
            f.Run("rosenbrock", new StopCriteria { MaxIterations = 8 }));

        var grid = await tuner.FitAsync();

        Assert.Equal(4, grid.Trials.Count);
        Assert.Empty(grid.Errors);
        Assert.All(grid.Trials, t => Assert.NotNull(t.Checkpoint));
        Assert.All(grid.Trials, t => Assert.True(File.Exists(Path.Combine(t.Checkpoint!, "state.json"))));
        Assert.Contains(grid.Trials, t => t.LastResult!.Iteration == 8);
        Assert.True(grid.TotalIterations < 4 * 8, $"ASHA spent {grid.TotalIterations} steps");
        Assert.True(grid.GetBestResult().Result.Metric("loss") < 6, "the best trial descends from 12.5");
    }
}
