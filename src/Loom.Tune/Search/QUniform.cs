using System.Globalization;

namespace Loom.Tune.Search;

/// <summary>
/// A <see cref="double"/> drawn uniformly between <see cref="Lo"/> and <see cref="Hi"/> and rounded to a multiple of
/// <see cref="Q"/>: Ray's <c>tune.quniform</c>. As in Ray, both bounds must be multiples of <see cref="Q"/> and rounding
/// makes the upper bound inclusive (each bound is half as likely as an inner value).
/// </summary>
public sealed record QUniform : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="lo">The lower bound, a multiple of <paramref name="q"/>.</param>
    /// <param name="hi">The upper bound, a multiple of <paramref name="q"/>, greater than <paramref name="lo"/>.</param>
    /// <param name="q">The step, greater than zero.</param>
    /// <exception cref="ArgumentException">The arguments break one of the rules above.</exception>
    public QUniform(double lo, double hi, double q)
    {
        if (!double.IsFinite(q) || q <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"QUniform needs a step q > 0; got q={q}."), nameof(q));
        }

        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo >= hi)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"QUniform needs finite bounds with lo < hi; got lo={lo}, hi={hi}."), nameof(lo));
        }

        LoSteps = Steps(lo, q, nameof(lo));
        HiSteps = Steps(hi, q, nameof(hi));
        Lo = lo;
        Hi = hi;
        Q = q;
    }

    /// <summary>The lower bound (inclusive).</summary>
    public double Lo { get; }

    /// <summary>The upper bound (inclusive).</summary>
    public double Hi { get; }

    /// <summary>The step: every value is a whole multiple of it.</summary>
    public double Q { get; }

    /// <summary><see cref="Lo"/> in steps.</summary>
    internal double LoSteps { get; }

    /// <summary><see cref="Hi"/> in steps.</summary>
    internal double HiSteps { get; }

    /// <inheritdoc />
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        ArgumentNullException.ThrowIfNull(random);
        var steps = LoSteps + ((HiSteps - LoSteps) * random.NextDouble());
        return FromSteps(Math.Round(steps, MidpointRounding.ToEven));
    }

    /// <summary>The value of a whole number of steps, without the noise of <c>k * 0.1</c> where 1/q is whole.</summary>
    /// <param name="steps">The whole number of steps.</param>
    /// <returns>The value.</returns>
    internal double FromSteps(double steps)
    {
        var inverse = 1 / Q;
        var value = Math.Abs(inverse - Math.Round(inverse)) < 1e-9 * inverse ? steps / Math.Round(inverse) : steps * Q;
        return Math.Clamp(value, Lo, Hi);
    }

    private static double Steps(double bound, double q, string name)
    {
        var steps = bound / q;
        var whole = Math.Round(steps);
        if (Math.Abs(steps - whole) > 1e-9 * Math.Max(1, Math.Abs(steps)))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"QUniform's bound {name}={bound} is not a multiple of q={q} (as Ray requires)."), name);
        }

        return whole;
    }
}
