using Loom.Tune;

namespace Loom.Tune.Tests.Schedulers;

/// <summary>Builds trial results for scheduler tests.</summary>
internal static class Results
{
    public static TrialResult Of(string trialId, int iteration, double value, string metric = "score") =>
        new(trialId, iteration, new Dictionary<string, double> { [metric] = value }, TimeSpan.FromSeconds(iteration));

    public static TrialConfig Config(double lr = 0.1, long batch = 32) => new([new("batch", batch), new("lr", lr)]);
}
