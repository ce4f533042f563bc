using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>
/// A learning-rate sweep of GPU-requesting experiments: each asks for one GPU, trains a small model,
/// and reports the GPU id it was given. The step then proves that no GPU was ever shared.
/// </summary>
internal sealed class GpuExperimentsStep : IDemoStep
{
    private const int Experiments = 12;

    public string Title => $"{Experiments} GPU experiments (1 GPU each)";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        var gpus = DemoCluster.GpuCount(loom);
        progress.MaxValue = Experiments;
        if (gpus == 0)
        {
            progress.Increment(Experiments);
            var skipped = new Markup("[yellow]The cluster has no GPUs (--num-gpus 0): experiments skipped.[/]");
            return new DemoOutcome(Title, skipped, [], TimeSpan.Zero);
        }

        var started = Stopwatch.GetTimestamp();
        var cpusPerExperiment = Math.Max(0.1, Math.Floor(DemoCluster.CpuCount(loom) / gpus * 10) / 10);
        var train = loom.Task<ExperimentSpec, ExperimentResult>(GradientDescentExperiment.Run)
            .WithGpus(1)
            .WithCpus(Math.Min(1, cpusPerExperiment))
            .WithName("experiment");
        var refs = Enumerable.Range(0, Experiments)
            .Select(i => train.Remote(new ExperimentSpec(i, LearningRate(i), started)))
            .ToList();

        IReadOnlyList<ObjectRef<ExperimentResult>> pending = refs;
        while (pending.Count > 0)
        {
            var wait = await loom.WaitAsync(pending, 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress.Increment(wait.Ready.Count);
            pending = wait.Pending;
        }

        var results = await loom.GetAsync(refs, cancellationToken: cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var report = GpuSharingCheck.Analyze(results);

        var table = new Table().Title(Title)
            .AddColumn("#")
            .AddColumn(new TableColumn("LR").RightAligned())
            .AddColumn(new TableColumn("GPU").Centered())
            .AddColumn(new TableColumn("Start (s)").RightAligned())
            .AddColumn(new TableColumn("End (s)").RightAligned())
            .AddColumn(new TableColumn("Fit a, b").RightAligned())
            .AddColumn(new TableColumn("MSE").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Index.ToString(CultureInfo.InvariantCulture),
                r.LearningRate.ToString("0.0000", CultureInfo.InvariantCulture),
                string.Join(",", r.GpuIds),
                r.StartSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                r.EndSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                $"{r.Slope.ToString("0.000", CultureInfo.InvariantCulture)}, {r.Intercept.ToString("0.000", CultureInfo.InvariantCulture)}",
                r.Loss.ToString("0.00000", CultureInfo.InvariantCulture));
        }

        var best = results.MinBy(r => r.Loss)!;
        var oneGpuEach = results.All(r => r.GpuIds.Count == 1 && r.GpuIds[0] >= 0 && r.GpuIds[0] < gpus);
        var usedGpus = results.SelectMany(r => r.GpuIds).Distinct().Order().ToList();
        DemoCheck[] checks =
        [
            new("Each experiment got exactly one GPU", oneGpuEach, $"GPU ids used: {string.Join(", ", usedGpus)} of {gpus}"),
            new(
                "No GPU was shared by overlapping experiments",
                report.NoGpuShared,
                report.Conflict ?? $"peak {report.PeakConcurrent} experiments at once on {gpus} GPUs"),
            new("Peak concurrency within the GPU count", report.PeakConcurrent <= gpus, $"{report.PeakConcurrent} <= {gpus}"),
            new(
                "Best fit found the true line",
                Math.Abs(best.Slope - GradientDescentExperiment.TrueSlope) < 0.05 && Math.Abs(best.Intercept - GradientDescentExperiment.TrueIntercept) < 0.05,
                $"experiment {best.Index}: a={best.Slope:0.000}, b={best.Intercept:0.000}"),
        ];
        return new DemoOutcome(Title, table, checks, elapsed);
    }

    private static double LearningRate(int index) => 0.0005 * Math.Pow(1.7, index);
}
