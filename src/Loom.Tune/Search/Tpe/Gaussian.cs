namespace Loom.Tune.Search.Tpe;

/// <summary>The standard normal distribution: density, distribution function and draws.</summary>
internal static class Gaussian
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>The log density at <paramref name="z"/>.</summary>
    /// <param name="z">The standardised value.</param>
    /// <returns>log φ(z).</returns>
    public static double LogPdf(double z) => (-0.5 * z * z) - LogSqrtTwoPi;

    /// <summary>The distribution function Φ(z).</summary>
    /// <param name="z">The standardised value.</param>
    /// <returns>P(Z ≤ z).</returns>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(a ≤ Z ≤ b), accurate in both tails.</summary>
    /// <param name="a">The lower standardised bound.</param>
    /// <param name="b">The upper standardised bound.</param>
    /// <returns>The probability.</returns>
    public static double Mass(double a, double b) =>
        a > 0 ? Math.Max(0, Cdf(-a) - Cdf(-b)) : Math.Max(0, Cdf(b) - Cdf(a));

    /// <summary>A standard normal draw (Box–Muller).</summary>
    /// <param name="random">The random source.</param>
    /// <returns>The draw.</returns>
    public static double Next(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>The complementary error function, to a relative error below 1.2e-7 everywhere (a Chebyshev fit).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>erfc(x).</returns>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var tail = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? tail : 2 - tail;
    }
}
