using System.Globalization;

namespace Loom.Tune.Search;

/// <summary>A <see cref="double"/> drawn uniformly from [<see cref="Lo"/>, <see cref="Hi"/>): Ray's <c>tune.uniform</c>.</summary>
public sealed record Uniform : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="lo">The lower bound (inclusive).</param>
    /// <param name="hi">The upper bound (exclusive); greater than <paramref name="lo"/>.</param>
    /// <exception cref="ArgumentException">The bounds are not finite or <paramref name="lo"/> is not below <paramref name="hi"/>.</exception>
    public Uniform(double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo >= hi)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Uniform needs finite bounds with lo < hi; got lo={lo}, hi={hi}."), nameof(lo));
        }

        Lo = lo;
        Hi = hi;
    }

    /// <summary>The lower bound (inclusive).</summary>
    public double Lo { get; }

    /// <summary>The upper bound (exclusive).</summary>
    public double Hi { get; }

    /// <inheritdoc />
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Min(Lo + ((Hi - Lo) * random.NextDouble()), Math.BitDecrement(Hi));
    }
}
