using System.Diagnostics;
using System.Globalization;
using Loom.Tune;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// The Loom Tune benchmark on the sample problem (<c>--bench</c>): ASHA against FIFO with random search, TPE
/// against random search, the tuner's cost per trial start and the models' cost per epoch. <c>--model mlnet</c>
/// (the default, the sample's ML.NET linear classifier) or <c>--model mlp</c> (the hand-written MLP) picks the
/// model tuned. <c>--pilot</c> instead trains random configs directly to choose the targets.
/// </summary>
public static class TuneBenchmark
{
    private const int MaxEpochs = 30;

    /// <summary>Runs the benchmark.</summary>
    /// <param name="args">The command line: <c>--bench</c>, optionally <c>--model mlnet|mlp</c>, <c>--pilot</c>, <c>--seeds N</c> (default 5).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, "--model");
        var model = BenchModel.Named(at >= 0 && at + 1 < args.Length ? args[at + 1] : BenchModel.MlNet.Name);
        if (args.Contains("--pilot"))
        {
            Pilot.Run(model, configs: 200, epochs: MaxEpochs);
            return 0;
        }

        var seeds = Option(args, "--seeds", 5);
        var storage = Path.Combine(Path.GetTempPath(), "loom-tune-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        await using var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions { NodeName = "tune-bench" }).ConfigureAwait(false);
        try
        {
            Print($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            Print($"model: {model.Name}, {model.Description}");
            var clock = Stopwatch.StartNew();
            await SchedulersAsync(loom, storage, model, seeds).ConfigureAwait(false);
            await SearchersAsync(loom, storage, model, seeds).ConfigureAwait(false);
            await OverheadAsync(loom, storage).ConfigureAwait(false);
            EpochCost();
            Print($"benchmark wall time: {clock.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }

        return 0;
    }

    private static async Task SchedulersAsync(LoomCluster loom, string storage, BenchModel model, int seeds)
    {
        Print($"(a) random search, 16 trials, <= {MaxEpochs} epochs each, 2 at a time: FIFO vs ASHA(grace 2, rf 3, max_t {MaxEpochs}); target loss <= {model.SchedulerTarget}");
        Print($"seed | FIFO: iters to target, total iters, best loss, wall s | ASHA: iters to target, total iters, best loss, wall s");
        var totals = new double[6];
        int fifoMissed = 0, ashaMissed = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var fifo = await RunAsync(loom, storage, model, $"fifo_{seed}", seed, null, null, 16, 2, model.SchedulerTarget).ConfigureAwait(false);
            var asha = await RunAsync(loom, storage, model, $"asha_{seed}", seed, null, new AshaScheduler(gracePeriod: 2, reductionFactor: 3, maxT: MaxEpochs), 16, 2, model.SchedulerTarget).ConfigureAwait(false);
            Print($"{seed} | {Show(fifo.IterationsToTarget)}, {fifo.TotalIterations}, {fifo.BestLoss:F4}, {fifo.Wall.TotalSeconds:F1} | {Show(asha.IterationsToTarget)}, {asha.TotalIterations}, {asha.BestLoss:F4}, {asha.Wall.TotalSeconds:F1}");
            totals[0] += fifo.IterationsToTarget ?? 0;
            totals[1] += fifo.TotalIterations;
            totals[2] += fifo.BestLoss;
            totals[3] += asha.IterationsToTarget ?? 0;
            totals[4] += asha.TotalIterations;
            totals[5] += asha.BestLoss;
            fifoMissed += fifo.IterationsToTarget is null ? 1 : 0;
            ashaMissed += asha.IterationsToTarget is null ? 1 : 0;
        }

        Print($"mean (iters to target over the seeds that reached it) | {totals[0] / Math.Max(1, seeds - fifoMissed):F1} ({fifoMissed} missed), {totals[1] / seeds:F1}, {totals[2] / seeds:F4} | {totals[3] / Math.Max(1, seeds - ashaMissed):F1} ({ashaMissed} missed), {totals[4] / seeds:F1}, {totals[5] / seeds:F4}");
    }

    private static async Task SearchersAsync(LoomCluster loom, string storage, BenchModel model, int seeds)
    {
        const int trials = 30;
        Print($"(b) FIFO, {trials} trials of {MaxEpochs} epochs, one at a time: random vs TPE(initial_random 8); target loss <= {model.SearchTarget}");
        Print($"seed | random: trials to target, best loss | TPE: trials to target, best loss");
        double randomSum = 0, tpeSum = 0, randomBest = 0, tpeBest = 0;
        int randomMissed = 0, tpeMissed = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var random = await RunAsync(loom, storage, model, $"random_{seed}", seed, new RandomSearch(), null, trials, 1, model.SearchTarget).ConfigureAwait(false);
            var tpe = await RunAsync(loom, storage, model, $"tpe_{seed}", seed, new TpeSearch(initialRandom: 8), null, trials, 1, model.SearchTarget).ConfigureAwait(false);
            Print($"{seed} | {Show(random.TrialsToTarget)}, {random.BestLoss:F4} | {Show(tpe.TrialsToTarget)}, {tpe.BestLoss:F4}");
            randomSum += random.TrialsToTarget ?? trials + 1;
            tpeSum += tpe.TrialsToTarget ?? trials + 1;
            randomMissed += random.TrialsToTarget is null ? 1 : 0;
            tpeMissed += tpe.TrialsToTarget is null ? 1 : 0;
            randomBest += random.BestLoss;
            tpeBest += tpe.BestLoss;
        }

        Print($"mean (a miss counts as {trials + 1}) | {randomSum / seeds:F1} ({randomMissed} missed), {randomBest / seeds:F4} | {tpeSum / seeds:F1} ({tpeMissed} missed), {tpeBest / seeds:F4}");
    }

    private static async Task OverheadAsync(LoomCluster loom, string storage)
    {
        const int trials = 200;
        var trainable = Trainable.Function(ctx => ctx.ReportAsync(("loss", ctx.Config.Get<double>("x"))));
        foreach (var concurrency in new[] { 1, 2 })
        {
            // A first small run warms up the JIT and the cluster's workers.
            await new Tuner(loom, trainable, new SearchSpace { ["x"] = Domains.Uniform(0, 1) },
                new TuneConfig { Metric = "loss", NumSamples = 20, MaxConcurrentTrials = concurrency },
                new RunConfig { Name = $"warmup_{concurrency}", StoragePath = storage }).FitAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var grid = await new Tuner(loom, trainable, new SearchSpace { ["x"] = Domains.Uniform(0, 1) },
                new TuneConfig { Metric = "loss", NumSamples = trials, MaxConcurrentTrials = concurrency, Seed = 1 },
                new RunConfig { Name = $"overhead_{concurrency}", StoragePath = storage }).FitAsync().ConfigureAwait(false);
            clock.Stop();
            Print($"(c) {grid.Trials.Count} one-report trials, {concurrency} at a time: {clock.Elapsed.TotalSeconds:F2} s, {clock.Elapsed.TotalMilliseconds / trials:F2} ms per trial (target <= 5 ms)");
        }
    }

    private static void EpochCost()
    {
        const int configs = 20;
        foreach (var model in new[] { BenchModel.MlNet, BenchModel.Mlp })
        {
            // The first config warms up the JIT.
            var space = model.Space();
            var warmup = model.Start(space.Resolve(TrialConfig.Empty, new Random(1)));
            warmup();
            var random = new Random(2);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < configs; i++)
            {
                var epoch = model.Start(space.Resolve(TrialConfig.Empty, random));
                for (var e = 0; e < MaxEpochs; e++)
                {
                    epoch();
                }
            }

            clock.Stop();
            Print($"(d) {model.Name}: {configs} random configs x {MaxEpochs} epochs trained directly: {clock.Elapsed.TotalMilliseconds / (configs * MaxEpochs):F2} ms per epoch (train + evaluate)");
        }

        // What a checkpoint costs: the trainables write one after every epoch.
        var folder = Directory.CreateTempSubdirectory("loom-tune-bench-checkpoint-").FullName;
        try
        {
            var linear = LinearModel.Create(MlNetTrainable.LoadData(), new LinearModelOptions(LinearModelOptions.LinearSvm, LinearModelOptions.MinMax, 1e-4));
            linear.TrainEpoch();
            var mlp = new Mlp(30, 16, 0);
            foreach (var (name, save) in new (string, Action)[] { ("mlnet", () => linear.Save(folder)), ("mlp", () => mlp.Save(Path.Combine(folder, MlpTrainable.CheckpointFile))) })
            {
                save();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < 100; i++)
                {
                    save();
                }

                Print($"(d) {name}: a checkpoint written in {clock.Elapsed.TotalMilliseconds / 100:F2} ms");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Outcome> RunAsync(
        LoomCluster loom, string storage, BenchModel model, string name, int seed, ISearcher? searcher, ITrialScheduler? scheduler, int samples, int concurrency, double target)
    {
        int? iterationsToTarget = null;
        int? trialsToTarget = null;
        var clock = Stopwatch.StartNew();
        var grid = await new Tuner(loom, model.Create(MaxEpochs), model.Space(),
            new TuneConfig
            {
                Metric = "loss",
                Mode = TuneMode.Min,
                NumSamples = samples,
                Seed = seed,
                MaxConcurrentTrials = concurrency,
                SearchAlgorithm = searcher,
                Scheduler = scheduler,
            },
            new RunConfig { Name = name, StoragePath = storage, Stop = new StopCriteria { MaxIterations = MaxEpochs } })
            .OnProgress(g =>
            {
                if (iterationsToTarget is null && g.Trials.Any(t => t.Results.Any(r => r.Metric("loss") <= target)))
                {
                    iterationsToTarget = g.Trials.Sum(t => t.Results.Count);
                    trialsToTarget = 1 + g.Trials.Select((t, i) => (t, i)).First(p => p.t.Results.Any(r => r.Metric("loss") <= target)).i;
                }
            })
            .FitAsync().ConfigureAwait(false);
        clock.Stop();
        var best = grid.GetBestResult(scope: "all").Result.Metric("loss");
        return new Outcome(iterationsToTarget, trialsToTarget, grid.TotalIterations, best, clock.Elapsed);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missed";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private sealed record Outcome(int? IterationsToTarget, int? TrialsToTarget, int TotalIterations, double BestLoss, TimeSpan Wall);
}
