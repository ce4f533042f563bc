using System.Collections.Concurrent;
using System.Globalization;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Tuning;

using Loom.Tune.Search;

/// <summary>The schedulers that pause and exploit, driven by the real tuner: checkpoints carry trials across runs.</summary>
public sealed class SchedulerIntegrationTests
{
    // Each iteration adds lr to a running score kept in the checkpoint; higher is better.
    private static Trainable Accumulating(ConcurrentBag<(string Trial, double Lr, string? Checkpoint, int Iteration)> starts) =>
        Trainable.Function(async ctx =>
        {
            var lr = ctx.Config.Get<double>("lr");
            starts.Add((ctx.TrialId, lr, ctx.Checkpoint, ctx.Iteration));
            var score = ctx.Checkpoint is { } folder
                ? double.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "score")), CultureInfo.InvariantCulture)
                : 0;
            while (true)
            {
                score += lr;
                var value = score;
                await ctx.ReportAsync(
                    new Dictionary<string, double> { ["score"] = value },
                    dir => File.WriteAllTextAsync(Path.Combine(dir, "score"), value.ToString("R", CultureInfo.InvariantCulture)));
            }
        });

    [Fact]
    public async Task Hyperband_pauses_trials_at_milestones_and_resumes_the_kept_ones_from_their_checkpoints()
    {
        await using var f = await TunerFixture.StartAsync();
        var starts = new ConcurrentBag<(string Trial, double Lr, string? Checkpoint, int Iteration)>();
        var tuner = new Tuner(
            f.Loom,
            Accumulating(starts),
            new SearchSpace { ["lr"] = Tune.Uniform(0.1, 1.0) },
            new TuneConfig { Metric = "score", Mode = TuneMode.Max, NumSamples = 9, Seed = 5, MaxConcurrentTrials = 1, Scheduler = new HyperBandScheduler(maxT: 9, reductionFactor: 3) },
            f.Run(stop: new StopCriteria { MaxIterations = 9 }));

        var grid = await tuner.FitAsync();

        Assert.Equal(9, grid.Trials.Count);
        Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        Assert.Contains(starts, s => s.Checkpoint is not null && s.Iteration > 0);
        Assert.All(grid.Trials, t => Assert.Equal(Enumerable.Range(1, t.Results.Count), t.Results.Select(r => r.Iteration)));
        Assert.True(grid.TotalIterations < 9 * 9, $"{grid.TotalIterations} iterations");
        var best = grid.GetBestResult().Trial;
        Assert.Equal(9, best.LastResult!.Iteration);
    }

    [Fact]
    public async Task Pbt_restarts_a_poor_trial_from_a_better_trials_checkpoint_with_an_explored_config()
    {
        await using var f = await TunerFixture.StartAsync();
        var starts = new ConcurrentBag<(string Trial, double Lr, string? Checkpoint, int Iteration)>();
        var mutations = new Dictionary<string, Func<Random, object?>> { ["lr"] = r => 0.1 + r.NextDouble() };
        var tuner = new Tuner(
            f.Loom,
            Accumulating(starts),
            new SearchSpace { ["lr"] = Tune.GridSearch(0.1, 0.2, 0.8, 0.9) },
            new TuneConfig
            {
                Metric = "score",
                Mode = TuneMode.Max,
                MaxConcurrentTrials = 4,
                Scheduler = new PopulationBasedTraining(perturbationInterval: 2, hyperparamMutations: mutations, seed: 3),
            },
            f.Run(stop: new StopCriteria { MaxIterations = 8 }));

        var grid = await tuner.FitAsync();

        Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        var exploits = starts.Where(s => s.Checkpoint is not null).ToList();
        Assert.NotEmpty(exploits);
        Assert.Contains(grid.Trials, t => t.Config.Get<double>("lr") is not (0.1 or 0.2 or 0.8 or 0.9));
        var poor = grid.Trials.Single(t => t.TrialId == "trial_00000");
        Assert.True(poor.LastResult!.Metric("score") > 8 * 0.1 + 1e-9, "the poorest trial should have been lifted by an exploit");
    }
}
