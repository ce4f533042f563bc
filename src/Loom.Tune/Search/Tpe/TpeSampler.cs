namespace Loom.Tune.Search.Tpe;

/// <summary>
/// One TPE suggestion: splits the observations at the gamma quantile of the loss (the best <c>ceil(gamma · n)</c> are good),
/// then chooses each modelled parameter independently from its <see cref="TpeDimension"/>.
/// </summary>
internal static class TpeSampler
{
    /// <summary>The modelled parameters' values; the rest are left to <see cref="SearchSpace.Resolve"/>.</summary>
    /// <param name="leaves">The space's leaves.</param>
    /// <param name="observations">The completed trials, at least one.</param>
    /// <param name="gamma">The fraction of observations that are good.</param>
    /// <param name="candidates">How many candidates each parameter draws.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The chosen values.</returns>
    public static TrialConfig Suggest(IReadOnlyList<SpaceLeaf> leaves, IReadOnlyList<TpeObservation> observations, double gamma, int candidates, Random random)
    {
        var ranked = observations.OrderBy(o => o.Loss).ThenBy(o => o.Order).ToList();
        var goodCount = Math.Clamp((int)Math.Ceiling(gamma * ranked.Count), 1, ranked.Count);
        var good = ranked.Take(goodCount).OrderBy(o => o.Order).ToList();
        var bad = ranked.Skip(goodCount).OrderBy(o => o.Order).ToList();
        var goodWeights = ObservationWeights.For(good.Count);
        var badWeights = ObservationWeights.For(bad.Count);
        var chosen = new List<KeyValuePair<string, object?>>();
        foreach (var leaf in leaves)
        {
            if (leaf.Entry is Domain domain && TpeDimension.For(domain) is { } dimension)
            {
                var value = dimension.Choose(Values(good, goodWeights, leaf.Name), Values(bad, badWeights, leaf.Name), random, candidates);
                chosen.Add(new(leaf.Name, value));
            }
        }

        return new TrialConfig(chosen);
    }

    private static List<(object? Value, double Weight)> Values(List<TpeObservation> observations, double[] weights, string name) =>
        [.. observations
            .Select((o, i) => (Found: o.Config.Values.TryGetValue(name, out var value), Value: value, Weight: weights[i]))
            .Where(v => v.Found)
            .Select(v => (v.Value, v.Weight))];
}
