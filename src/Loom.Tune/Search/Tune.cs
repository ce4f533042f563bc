namespace Loom.Tune.Search;

/// <summary>Creates search space domains, as Ray's <c>tune.uniform</c>, <c>tune.choice</c>, <c>tune.grid_search</c>, ...</summary>
public static class Tune
{
    /// <summary>A <see cref="double"/> uniform in [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    /// <param name="lo">The lower bound.</param>
    /// <param name="hi">The upper bound, greater than <paramref name="lo"/>.</param>
    /// <returns>The domain.</returns>
    public static Uniform Uniform(double lo, double hi) => new(lo, hi);

    /// <summary>A <see cref="double"/> uniform between the bounds, rounded to a multiple of <paramref name="q"/>.</summary>
    /// <param name="lo">The lower bound, a multiple of <paramref name="q"/>.</param>
    /// <param name="hi">The upper bound (inclusive), a multiple of <paramref name="q"/>.</param>
    /// <param name="q">The step, greater than zero.</param>
    /// <returns>The domain.</returns>
    public static QUniform QUniform(double lo, double hi, double q) => new(lo, hi, q);

    /// <summary>A <see cref="double"/> whose logarithm is uniform between log <paramref name="lo"/> and log <paramref name="hi"/>.</summary>
    /// <param name="lo">The lower bound, greater than zero.</param>
    /// <param name="hi">The upper bound.</param>
    /// <param name="base">The logarithm's base (it does not change the distribution).</param>
    /// <returns>The domain.</returns>
    public static LogUniform LogUniform(double lo, double hi, double @base = 10) => new(lo, hi, @base);

    /// <summary>A <see cref="long"/> uniform from <paramref name="lo"/> to <paramref name="hi"/> (exclusive).</summary>
    /// <param name="lo">The lowest value.</param>
    /// <param name="hi">One past the highest value.</param>
    /// <returns>The domain.</returns>
    public static RandInt RandInt(long lo, long hi) => new(lo, hi);

    /// <summary>One of the values, each equally likely.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The domain.</returns>
    public static Choice Choice(params object?[] values) => new(values);

    /// <summary>Every one of the values in turn (expanded, not sampled).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The grid.</returns>
    public static GridSearch GridSearch(params object?[] values) => new(values);

    /// <summary>A value computed from the trial's other, already resolved values.</summary>
    /// <param name="fn">The function.</param>
    /// <returns>The domain.</returns>
    public static SampleFrom SampleFrom(Func<TrialConfig, object?> fn) => new(fn);
}
