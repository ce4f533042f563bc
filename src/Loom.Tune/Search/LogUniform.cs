using System.Globalization;

namespace Loom.Tune.Search;

/// <summary>
/// A <see cref="double"/> whose logarithm is uniform between log <see cref="Lo"/> and log <see cref="Hi"/>: Ray's
/// <c>tune.loguniform</c>, for values spanning orders of magnitude. The distribution is the same for every base;
/// <see cref="Base"/> is kept for Ray compatibility only (Ray deprecated it for that reason).
/// </summary>
public sealed record LogUniform : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="lo">The lower bound, greater than zero.</param>
    /// <param name="hi">The upper bound, greater than <paramref name="lo"/>.</param>
    /// <param name="base">The logarithm's base, positive and not 1 (it does not change the distribution).</param>
    /// <exception cref="ArgumentException">The arguments break one of the rules above.</exception>
    public LogUniform(double lo, double hi, double @base = 10)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo <= 0 || lo >= hi)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"LogUniform needs finite bounds with 0 < lo < hi; got lo={lo}, hi={hi}."), nameof(lo));
        }

        if (!double.IsFinite(@base) || @base <= 0 || @base == 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"LogUniform needs a base > 0 other than 1; got base={@base}."), nameof(@base));
        }

        Lo = lo;
        Hi = hi;
        Base = @base;
    }

    /// <summary>The lower bound (inclusive).</summary>
    public double Lo { get; }

    /// <summary>The upper bound.</summary>
    public double Hi { get; }

    /// <summary>The logarithm's base (the distribution does not depend on it).</summary>
    public double Base { get; }

    /// <inheritdoc />
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        ArgumentNullException.ThrowIfNull(random);
        var logLo = Math.Log(Lo);
        var logHi = Math.Log(Hi);
        return Math.Clamp(Math.Exp(logLo + ((logHi - logLo) * random.NextDouble())), Lo, Hi);
    }
}
