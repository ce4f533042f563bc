using System.Globalization;
using Loom;
using Loom.Examples.TuneBreastCancer;
using Loom.Tune;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;

if (args.Contains("--bench"))
{
    return await TuneBenchmark.RunAsync(args);
}

// Tune the ML.NET linear classifier: 16 trials sampled by TPE, ASHA stopping the poor ones early, at most 30 epochs each.
var storage = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "loom_results");
await using var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions { NodeName = "tune-breast-cancer" });
var tuner = new Tuner(
    loom,
    MlNetTrainable.Create(),
    MlNetTrainable.Space(),
    new TuneConfig
    {
        Metric = "loss",
        Mode = TuneMode.Min,
        NumSamples = 16,
        Seed = 1,
        SearchAlgorithm = new TpeSearch(initialRandom: 6),
        Scheduler = new AshaScheduler(gracePeriod: 2, reductionFactor: 3, maxT: 30),
    },
    new RunConfig
    {
        Name = "breast_cancer_" + DateTime.UtcNow.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture),
        StoragePath = storage,
        Stop = new StopCriteria { MaxIterations = 30 },
    });
var grid = await tuner.FitAsync();
var (best, result) = grid.GetBestResult();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{grid.Trials.Count} trials, {grid.TotalIterations} epochs in all; results in {grid.ExperimentPath}"));
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"best: {best.TrialId} {MlNetTrainable.Describe(best.Config)} -> loss {result.Metric("loss"):F4}, accuracy {result.Metric("accuracy"):F4}, AUC {result.Metric("auc"):F4} after {result.Iteration} epochs"));
return 0;
