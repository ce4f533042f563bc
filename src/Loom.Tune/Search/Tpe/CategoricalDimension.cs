namespace Loom.Tune.Search.Tpe;

/// <summary>A categorical parameter (<see cref="Choice"/>, or <see cref="RandInt"/> with each integer a category): smoothed counts.</summary>
internal sealed class CategoricalDimension : TpeDimension
{
    private readonly long _count;
    private readonly Func<object?, long?> _categoryOf;
    private readonly Func<long, object?> _valueOf;

    /// <summary>Creates the model.</summary>
    /// <param name="count">The number of categories.</param>
    /// <param name="categoryOf">A value's category, or null when the value is not in the domain.</param>
    /// <param name="valueOf">A category's value.</param>
    public CategoricalDimension(long count, Func<object?, long?> categoryOf, Func<long, object?> valueOf)
    {
        _count = count;
        _categoryOf = categoryOf;
        _valueOf = valueOf;
    }

    /// <inheritdoc />
    public override object? Choose(IReadOnlyList<(object? Value, double Weight)> good, IReadOnlyList<(object? Value, double Weight)> bad, Random random, int candidates)
    {
        var l = Fit(good);
        var g = Fit(bad);
        var best = -1L;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < candidates; i++)
        {
            var category = l.Sample(random);
            var score = l.LogProbability(category) - g.LogProbability(category);
            if (best < 0 || score > bestScore)
            {
                (best, bestScore) = (category, score);
            }
        }

        return _valueOf(best);
    }

    private CategoricalEstimator Fit(IReadOnlyList<(object? Value, double Weight)> observations) =>
        new(_count, [.. observations.Select(o => (Category: _categoryOf(o.Value), o.Weight)).Where(o => o.Category is not null).Select(o => (o.Category!.Value, o.Weight))]);
}
