namespace Loom.Tune.Search;

/// <summary>
/// A value computed from the trial's other values: Ray's <c>tune.sample_from</c>. It is resolved after every other
/// parameter; one <see cref="SampleFrom"/> may read another (reading a value not resolved yet defers it to a later pass).
/// </summary>
public sealed record SampleFrom : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="fn">The function of the resolved values (flat names, e.g. <c>optimizer/lr</c>).</param>
    public SampleFrom(Func<TrialConfig, object?> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        Fn = fn;
    }

    /// <summary>The function of the resolved values.</summary>
    public Func<TrialConfig, object?> Fn { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The function returned a value of a type a config cannot hold.</exception>
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        var value = Fn(resolvedSoFar);
        return ConfigValues.TryNormalize(value, out var normalized)
            ? normalized
            : throw new InvalidOperationException(
                $"A SampleFrom function returned a {value!.GetType().Name}; it must return a number, string, bool or null.");
    }
}
