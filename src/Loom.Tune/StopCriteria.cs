namespace Loom.Tune;

/// <summary>When a trial ends by itself (any criterion met stops it).</summary>
public sealed record StopCriteria
{
    /// <summary>Stop after this many iterations.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Stop once a metric is at least the value (for example an accuracy).</summary>
    public IReadOnlyDictionary<string, double> MetricAtLeast { get; init; } = new Dictionary<string, double>();

    /// <summary>Stop once a metric is at most the value (for example a loss).</summary>
    public IReadOnlyDictionary<string, double> MetricAtMost { get; init; } = new Dictionary<string, double>();

    /// <summary>Stop a trial that has run this long.</summary>
    public TimeSpan? MaxTimePerTrial { get; init; }

    /// <summary>Stop when the tuned metric has not improved by <see cref="PlateauMinDelta"/> for this many iterations.</summary>
    public int? PlateauPatience { get; init; }

    /// <summary>The least improvement that counts for <see cref="PlateauPatience"/>.</summary>
    public double PlateauMinDelta { get; init; }
}
