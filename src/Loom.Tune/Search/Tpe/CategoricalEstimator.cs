namespace Loom.Tune.Search.Tpe;

/// <summary>
/// Smoothed counts over <c>count</c> categories: each observation adds its weight to its category, and a prior of total
/// weight <c>priorWeight</c> is spread evenly over all categories. Kept sparse, so a wide integer range costs nothing.
/// </summary>
internal sealed class CategoricalEstimator
{
    private readonly long _count;
    private readonly double _priorWeight;
    private readonly double _total;
    private readonly List<(long Category, double Weight)> _observed;
    private readonly Dictionary<long, double> _byCategory = [];

    /// <summary>Fits the estimator.</summary>
    /// <param name="count">The number of categories.</param>
    /// <param name="observations">The observed categories and their weights.</param>
    /// <param name="priorWeight">The prior's total weight.</param>
    public CategoricalEstimator(long count, IReadOnlyList<(long Category, double Weight)> observations, double priorWeight = 1)
    {
        _count = count;
        _priorWeight = priorWeight;
        _observed = [.. observations];
        foreach (var (category, weight) in observations)
        {
            _byCategory[category] = _byCategory.GetValueOrDefault(category) + weight;
        }

        _total = priorWeight + observations.Sum(o => o.Weight);
    }

    /// <summary>A draw.</summary>
    /// <param name="random">The random source.</param>
    /// <returns>The category.</returns>
    public long Sample(Random random)
    {
        var u = random.NextDouble() * _total;
        if (u < _priorWeight || _observed.Count == 0)
        {
            return random.NextInt64(_count);
        }

        var cumulative = _priorWeight;
        foreach (var (category, weight) in _observed)
        {
            cumulative += weight;
            if (u < cumulative)
            {
                return category;
            }
        }

        return _observed[^1].Category;
    }

    /// <summary>The log probability of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The log probability.</returns>
    public double LogProbability(long category) =>
        Math.Log(((_priorWeight / _count) + _byCategory.GetValueOrDefault(category)) / _total);
}
