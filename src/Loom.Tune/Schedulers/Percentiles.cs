namespace Loom.Tune.Schedulers;

/// <summary>Percentiles as NumPy computes them (linear interpolation), which Ray's schedulers use.</summary>
internal static class Percentiles
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile of the values, ignoring NaN (NumPy's <c>nanpercentile</c>,
    /// linear method: the sorted values at rank <c>p/100 · (n − 1)</c>, interpolated).
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="percent">The percentile, 0 to 100.</param>
    /// <returns>The percentile, or null when there is no value that is a number.</returns>
    public static double? Of(IEnumerable<double> values, double percent)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = rank - below;
        return sorted[below] + ((sorted[above] - sorted[below]) * fraction);
    }

    /// <summary>The median (the mean of the two middle values for an even count), as NumPy's <c>median</c>.</summary>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The median.</returns>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
