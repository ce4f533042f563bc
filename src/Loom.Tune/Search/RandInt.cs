using System.Globalization;

namespace Loom.Tune.Search;

/// <summary>A <see cref="long"/> drawn uniformly from <see cref="Lo"/> (inclusive) to <see cref="Hi"/> (exclusive): Ray's <c>tune.randint</c>.</summary>
public sealed record RandInt : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="lo">The lowest value.</param>
    /// <param name="hi">One past the highest value; greater than <paramref name="lo"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="lo"/> is not below <paramref name="hi"/>.</exception>
    public RandInt(long lo, long hi)
    {
        if (lo >= hi)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"RandInt needs lo < hi (hi is exclusive); got lo={lo}, hi={hi}."), nameof(lo));
        }

        Lo = lo;
        Hi = hi;
    }

    /// <summary>The lowest value.</summary>
    public long Lo { get; }

    /// <summary>One past the highest value.</summary>
    public long Hi { get; }

    /// <inheritdoc />
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextInt64(Lo, Hi);
    }
}
