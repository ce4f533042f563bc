namespace Loom.Tune.Search;

/// <summary>One of <see cref="Values"/>, each equally likely: Ray's <c>tune.choice</c>.</summary>
public sealed record Choice : Domain
{
    /// <summary>Creates the domain.</summary>
    /// <param name="values">The values: numbers (kept as <see cref="double"/> or <see cref="long"/>), strings, bools or null.</param>
    /// <exception cref="ArgumentException">There are no values, or one is of another type.</exception>
    public Choice(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("Choice needs at least one value.", nameof(values));
        }

        Values = [.. values.Select(v => ConfigValues.Normalize(v, "a Choice value"))];
    }

    /// <summary>The values, numbers normalised to <see cref="double"/> or <see cref="long"/>.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <inheritdoc />
    public override object? Sample(Random random, TrialConfig resolvedSoFar)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Values[random.Next(Values.Count)];
    }
}
