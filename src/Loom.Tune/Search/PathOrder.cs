namespace Loom.Tune.Search;

/// <summary>Orders paths segment by segment, ordinally (as Python compares Ray's key tuples).</summary>
internal sealed class PathOrder : IComparer<IReadOnlyList<string>>
{
    /// <summary>The comparer.</summary>
    public static readonly PathOrder Instance = new();

    /// <inheritdoc />
    public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var order = string.CompareOrdinal(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
