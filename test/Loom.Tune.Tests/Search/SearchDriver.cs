namespace Loom.Tune.Tests.Search;

using Loom.Tune.Search;

/// <summary>Runs a searcher one trial at a time against an objective, as a tuner with one slot would.</summary>
internal static class SearchDriver
{
    public static List<(TrialConfig Config, double Value)> Run(ISearcher searcher, Func<TrialConfig, double> objective, int maxTrials = 10_000, string metric = "loss")
    {
        var trials = new List<(TrialConfig, double)>();
        for (var i = 0; i < maxTrials && searcher.Suggest(Id(i)) is { } config; i++)
        {
            var value = objective(config);
            var result = Result(Id(i), value, metric);
            searcher.OnTrialResult(Id(i), result);
            searcher.OnTrialComplete(Id(i), result, failed: false);
            trials.Add((config, value));
        }

        return trials;
    }

    public static List<TrialConfig> Suggestions(ISearcher searcher, int count, int firstId = 0)
    {
        var configs = new List<TrialConfig>();
        for (var i = firstId; i < firstId + count && searcher.Suggest(Id(i)) is { } config; i++)
        {
            configs.Add(config);
        }

        return configs;
    }

    public static TrialResult Result(string trialId, double value, string metric = "loss") =>
        new(trialId, 1, new Dictionary<string, double> { [metric] = value }, TimeSpan.Zero);

    public static string Id(int i) => $"trial_{i:D5}";

    public static void AssertSame(IReadOnlyList<TrialConfig> expected, IReadOnlyList<TrialConfig> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Values.ToList(), actual[i].Values.ToList());
        }
    }
}
