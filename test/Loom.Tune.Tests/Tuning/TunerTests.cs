using System.Text.Json;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Tune.Tests.Tuning;

public sealed class TunerTests
{
    // A noisy-free quadratic in x with its minimum 0 at x = 3; each iteration moves halfway towards the minimum.
    private static readonly Trainable Quadratic = Trainable.Function(async ctx =>
    {
        var x = ctx.Config.Get<double>("x");
        var start = ctx.Checkpoint is { } folder ? double.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "loss.txt")), System.Globalization.CultureInfo.InvariantCulture) : (x - 3) * (x - 3) + 1;
        var loss = start;
        while (true)
        {
            loss = loss / 2 + (x - 3) * (x - 3) / 2;
            var value = loss;
            await ctx.ReportAsync(
                new Dictionary<string, double> { ["loss"] = value },
                dir => File.WriteAllTextAsync(Path.Combine(dir, "loss.txt"), value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        }
    });

    [Fact]
    public async Task A_grid_runs_every_value_and_finds_the_best()
    {
        await using var f = await TunerFixture.StartAsync();
        var space = new SearchSpace { ["x"] = Domains.GridSearch(0.0, 1.0, 3.0, 5.0) };
        var tuner = new Tuner(f.Loom, Quadratic, space, new TuneConfig { Metric = "loss", Mode = TuneMode.Min },
            f.Run(stop: new StopCriteria { MaxIterations = 3 }));

        var grid = await tuner.FitAsync();

        Assert.Equal(4, grid.Trials.Count);
        Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        Assert.All(grid.Trials, t => Assert.Equal(3, t.LastResult!.Iteration));
        Assert.Equal(3.0, grid.GetBestResult().Trial.Config.Get<double>("x"));
        var trialFolder = grid.Trials[0].Path;
        Assert.Equal(3, File.ReadAllLines(Path.Combine(trialFolder, "result.json")).Length);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(trialFolder, "progress.csv")).Length);
        using var parameters = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(trialFolder, "params.json")));
        Assert.Equal(0.0, parameters.RootElement.GetProperty("x").GetDouble());
        Assert.True(File.Exists(Path.Combine(grid.ExperimentPath, "experiment_state.json")));
        Assert.Contains("config/x", grid.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trials_run_in_parallel_up_to_the_limit_as_loom_tasks_with_their_resources()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 4, gpus: 2);
        var running = 0;
        var peak = 0;
        var gpus = new System.Collections.Concurrent.ConcurrentBag<int>();
        var trainable = Trainable.Function(
            async ctx =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                foreach (var id in ctx.GpuIds)
                {
                    gpus.Add(id);
                }

                await ctx.ReportAsync(("loss", ctx.Config.Get<double>("x")));
                Interlocked.Decrement(ref running);
            },
            new TrialResources(Cpus: 1, Gpus: 1));
        var tuner = new Tuner(f.Loom, trainable, new SearchSpace { ["x"] = Domains.Uniform(0, 1) },
            new TuneConfig { Metric = "loss", NumSamples = 6, Seed = 7 }, f.Run());

        var grid = await tuner.FitAsync();

        Assert.Equal(6, grid.Trials.Count);
        Assert.InRange(peak, 1, 2);
        Assert.All(gpus, id => Assert.InRange(id, 0, 1));
    }

    [Fact]
    public async Task Asha_stops_bad_trials_early_and_spends_fewer_iterations_than_fifo()
    {
        await using var f = await TunerFixture.StartAsync();
        var space = new SearchSpace { ["x"] = Domains.Uniform(-5, 10) };
        var fifo = await new Tuner(f.Loom, Quadratic, space,
            new TuneConfig { Metric = "loss", NumSamples = 16, Seed = 3, MaxConcurrentTrials = 4 },
            f.Run("fifo", new StopCriteria { MaxIterations = 27 })).FitAsync();
        var asha = await new Tuner(f.Loom, Quadratic, space,
            new TuneConfig { Metric = "loss", NumSamples = 16, Seed = 3, MaxConcurrentTrials = 4, Scheduler = new AshaScheduler(gracePeriod: 1, reductionFactor: 3, maxT: 27) },
            f.Run("asha", new StopCriteria { MaxIterations = 27 })).FitAsync();

        Assert.Equal(16 * 27, fifo.TotalIterations);
        Assert.True(asha.TotalIterations < fifo.TotalIterations / 2, $"ASHA used {asha.TotalIterations} iterations");
        Assert.Equal(fifo.GetBestResult().Trial.Config.Get<double>("x"), asha.GetBestResult().Trial.Config.Get<double>("x"));
    }

    [Fact]
    public async Task A_failing_trial_is_restarted_from_its_checkpoint_then_ends_in_error_with_its_message()
    {
        await using var f = await TunerFixture.StartAsync();
        var trainable = Trainable.Function(async ctx =>
        {
            if (ctx.Checkpoint is null)
            {
                await ctx.ReportAsync(new Dictionary<string, double> { ["loss"] = 1 }, dir => File.WriteAllTextAsync(Path.Combine(dir, "c"), "1"));
                throw new InvalidOperationException("diverged");
            }

            await ctx.ReportAsync(("loss", 0.5));
            throw new InvalidOperationException("diverged again");
        });
        var run = f.Run() with { Failures = new FailurePolicy { MaxFailures = 1 } };
        var tuner = new Tuner(f.Loom, trainable, new SearchSpace { ["x"] = 1.0 }, new TuneConfig { Metric = "loss" }, run);

        var grid = await tuner.FitAsync();

        var trial = Assert.Single(grid.Trials);
        Assert.Equal(TrialStatus.Error, trial.Status);
        Assert.Contains("diverged again", trial.Error, StringComparison.Ordinal);
        Assert.Equal([1, 2], trial.Results.Select(r => r.Iteration));
        Assert.Single(grid.Errors);
    }

    [Fact]
    public async Task A_trial_that_does_not_report_the_metric_ends_in_error_naming_it()
    {
        await using var f = await TunerFixture.StartAsync();
        var trainable = Trainable.Function(ctx => ctx.ReportAsync(("accuracy", 0.5)));
        var grid = await new Tuner(f.Loom, trainable, new SearchSpace { ["x"] = 1.0 }, new TuneConfig { Metric = "loss" }, f.Run()).FitAsync();

        Assert.Contains("reported no 'loss'", Assert.Single(grid.Errors).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_keeps_finished_trials_and_resumes_unfinished_ones_from_their_checkpoints()
    {
        await using var f = await TunerFixture.StartAsync();
        var space = new SearchSpace { ["x"] = Domains.GridSearch(1.0, 2.0, 3.0) };
        var tune = new TuneConfig { Metric = "loss", MaxConcurrentTrials = 1 };
        var run = f.Run(stop: new StopCriteria { MaxIterations = 4 });
        using var interrupt = new CancellationTokenSource();
        var reports = 0;
        var interrupting = Trainable.Function(async ctx =>
        {
            while (true)
            {
                if (Interlocked.Increment(ref reports) == 6)
                {
                    await interrupt.CancelAsync();
                }

                await ctx.ReportAsync(new Dictionary<string, double> { ["loss"] = ctx.Iteration + 1 }, dir => File.WriteAllTextAsync(Path.Combine(dir, "it"), "x"));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Tuner(f.Loom, interrupting, space, tune, run).FitAsync(interrupt.Token));
        Assert.True(Tuner.CanRestore(run.ExperimentPath));
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Trial, string? Checkpoint)>();
        var resuming = Trainable.Function(async ctx =>
        {
            seen.Add((ctx.TrialId, ctx.Checkpoint is null ? null : Path.GetFileName(ctx.Checkpoint)));
            while (true)
            {
                await ctx.ReportAsync(new Dictionary<string, double> { ["loss"] = ctx.Iteration + 1 }, dir => File.WriteAllTextAsync(Path.Combine(dir, "it"), "x"));
            }
        });
        var grid = await Tuner.Restore(run.ExperimentPath, f.Loom, resuming, space, tune, run).FitAsync();

        Assert.Equal(3, grid.Trials.Count);
        Assert.All(grid.Trials, t => Assert.Equal(4, t.LastResult!.Iteration));
        Assert.DoesNotContain(seen, s => s.Trial == "trial_00000");
        Assert.Contains(seen, s => s.Trial == "trial_00001" && s.Checkpoint != null);
        Assert.All(grid.Trials, t => Assert.Equal([1, 2, 3, 4], t.Results.Select(r => r.Iteration)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
