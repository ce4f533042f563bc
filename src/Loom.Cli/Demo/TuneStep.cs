using System.Diagnostics;
using System.Globalization;
using Loom.Tune;
using Loom.Tune.Schedulers;
using Spectre.Console;
using Domains = Loom.Tune.Search.Tune;
using SearchSpace = Loom.Tune.Search.SearchSpace;

namespace Loom.Cli.Demo;

/// <summary>
/// A short Loom Tune run: 12 trials of a noisy-free quadratic, each a Loom task, with ASHA stopping the poor ones
/// early. Checks that the best trial found the optimum and that ASHA spent fewer iterations than running every
/// trial to the end would.
/// </summary>
internal sealed class TuneStep : IDemoStep
{
    private const int Trials = 12;
    private const int MaxIterations = 9;

    public string Title => $"Tune: {Trials} trials with ASHA";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        progress.MaxValue = Trials;
        var started = Stopwatch.GetTimestamp();
        var storage = Path.Combine(Path.GetTempPath(), "loom-demo-tune-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var trainable = Trainable.Function(async ctx =>
            {
                var x = ctx.Config.Get<double>("x");
                var loss = (x - 3) * (x - 3) + 4;
                while (true)
                {
                    loss = (loss + ((x - 3) * (x - 3))) / 2;
                    await ctx.ReportAsync(("loss", loss)).ConfigureAwait(false);
                }
            });
            var tuner = new Tuner(
                loom,
                trainable,
                new SearchSpace { ["x"] = Domains.Uniform(-10, 10) },
                new TuneConfig { Metric = "loss", Mode = TuneMode.Min, NumSamples = Trials, Seed = 42, Scheduler = new AshaScheduler(gracePeriod: 1, reductionFactor: 3, maxT: MaxIterations) },
                new RunConfig { Name = "demo", StoragePath = storage, Stop = new StopCriteria { MaxIterations = MaxIterations } });
            tuner.OnProgress(grid => progress.Value = grid.Trials.Count(t => t.Status is TrialStatus.Terminated or TrialStatus.Error));
            var grid = await tuner.FitAsync(cancellationToken).ConfigureAwait(false);
            return Report(grid, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private static DemoOutcome Report(ResultGrid grid, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        var (best, result) = grid.GetBestResult();
        var table = new Table().Title("Tune: trials (ASHA, grace 1, η 3)")
            .AddColumn("trial").AddColumn(new TableColumn("x").RightAligned()).AddColumn(new TableColumn("iterations").RightAligned())
            .AddColumn(new TableColumn("last loss").RightAligned()).AddColumn("status");
        foreach (var trial in grid.Trials)
        {
            table.AddRow(
                Markup.Escape(trial.TrialId),
                trial.Config.Get<double>("x").ToString("0.000", culture),
                (trial.LastResult?.Iteration ?? 0).ToString(culture),
                trial.LastResult?.Metric("loss").ToString("0.0000", culture) ?? "-",
                trial.TrialId == best.TrialId ? "[green]best[/]" : trial.Status.ToString());
        }

        var bestX = best.Config.Get<double>("x");
        var budget = Trials * MaxIterations;
        DemoCheck[] checks =
        [
            new("Every trial ended without error", grid.Errors.Count == 0 && grid.Trials.Count == Trials, $"{grid.Trials.Count} trials, {grid.Errors.Count} errors"),
            new("The best trial is near the optimum x = 3", Math.Abs(bestX - 3) < 1.5, $"{best.TrialId}: x = {bestX.ToString("0.000", culture)}, loss = {result.Metric("loss").ToString("0.0000", culture)}"),
            new("ASHA stopped poor trials early", grid.TotalIterations < budget, $"{grid.TotalIterations} of {budget} trial-iterations"),
        ];
        return new DemoOutcome("Tune", table, checks, elapsed);
    }
}
