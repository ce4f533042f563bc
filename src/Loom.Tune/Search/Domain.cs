namespace Loom.Tune.Search;

/// <summary>
/// Where a hyperparameter's values come from, as Ray Tune's <c>Domain</c>: a distribution to sample
/// (<see cref="Uniform"/>, <see cref="LogUniform"/>, <see cref="Choice"/>, ...), a grid to expand (<see cref="GridSearch"/>)
/// or a function of the other values (<see cref="SampleFrom"/>). Create them with <see cref="Tune"/>.
/// </summary>
public abstract record Domain
{
    /// <summary>Draws one value.</summary>
    /// <param name="random">The random source; the same draws give the same value.</param>
    /// <param name="resolvedSoFar">The values of the trial resolved so far (only <see cref="SampleFrom"/> reads them).</param>
    /// <returns>The value: a <see cref="double"/>, <see cref="long"/>, string, bool or null.</returns>
    public abstract object? Sample(Random random, TrialConfig resolvedSoFar);
}
