namespace Loom.Tune.Search;

/// <summary>
/// Every one of <see cref="Values"/>, in turn: Ray's <c>tune.grid_search</c>. A grid is not sampled but expanded: the trials
/// cover the cross product of all grids in a <see cref="SearchSpace"/> (see <see cref="SearchSpace.GridVariants"/>).
/// </summary>
public sealed record GridSearch : Domain
{
    /// <summary>Creates the grid.</summary>
    /// <param name="values">The values: numbers (kept as <see cref="double"/> or <see cref="long"/>), strings, bools or null.</param>
    /// <exception cref="ArgumentException">There are no values, or one is of another type.</exception>
    public GridSearch(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("GridSearch needs at least one value.", nameof(values));
        }

        Values = [.. values.Select(v => ConfigValues.Normalize(v, "a GridSearch value"))];
    }

    /// <summary>The values, numbers normalised to <see cref="double"/> or <see cref="long"/>.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Not supported: a grid is expanded, never sampled.</summary>
    /// <param name="random">Unused.</param>
    /// <param name="resolvedSoFar">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override object? Sample(Random random, TrialConfig resolvedSoFar) =>
        throw new InvalidOperationException("A GridSearch is expanded into grid variants (SearchSpace.GridVariants), not sampled.");
}
