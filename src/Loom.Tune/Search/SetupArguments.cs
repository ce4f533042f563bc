namespace Loom.Tune.Search;

/// <summary>Checks the arguments of <see cref="ISearcher.Setup"/>.</summary>
internal static class SetupArguments
{
    /// <summary>Throws when an argument is invalid.</summary>
    /// <param name="space">The space.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="numSamples">The number of samples.</param>
    public static void Check(SearchSpace space, string metric, int numSamples)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(numSamples, 1);
    }

    /// <summary>Throws when the searcher was not set up.</summary>
    /// <param name="space">The space, null before setup.</param>
    /// <param name="searcher">The searcher's name.</param>
    /// <returns>The space.</returns>
    public static SearchSpace Ready(SearchSpace? space, string searcher) =>
        space ?? throw new InvalidOperationException($"{searcher}.Setup must be called first.");
}
