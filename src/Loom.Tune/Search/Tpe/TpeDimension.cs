namespace Loom.Tune.Search.Tpe;

/// <summary>How TPE models one parameter: it fits l(x) to the good observations and g(x) to the bad ones, draws candidates from l and keeps the one with the greatest l(x)/g(x).</summary>
internal abstract class TpeDimension
{
    /// <summary>The model of a domain, or null when TPE does not model it (it is then sampled from the domain).</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The model.</returns>
    public static TpeDimension? For(Domain domain) => domain switch
    {
        Uniform u => new NumericDimension(u.Lo, u.Hi, NumericDimension.Scale.Linear, null),
        LogUniform l => new NumericDimension(l.Lo, l.Hi, NumericDimension.Scale.Log, null),
        QUniform q => new NumericDimension(q.Lo, q.Hi, NumericDimension.Scale.Linear, q),
        RandInt r => new CategoricalDimension(r.Hi - r.Lo, v => v is long l && l >= r.Lo && l < r.Hi ? l - r.Lo : null, c => r.Lo + c),
        Choice c => new CategoricalDimension(c.Values.Count, v => IndexOf(c.Values, v), i => c.Values[(int)i]),
        _ => null,
    };

    /// <summary>Chooses a value.</summary>
    /// <param name="good">The good observations' values with their weights.</param>
    /// <param name="bad">The bad observations' values with their weights.</param>
    /// <param name="random">The random source.</param>
    /// <param name="candidates">How many candidates to draw from l.</param>
    /// <returns>The value.</returns>
    public abstract object? Choose(IReadOnlyList<(object? Value, double Weight)> good, IReadOnlyList<(object? Value, double Weight)> bad, Random random, int candidates);

    private static long? IndexOf(IReadOnlyList<object?> values, object? value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Equals(values[i], value))
            {
                return i;
            }
        }

        return null;
    }
}
