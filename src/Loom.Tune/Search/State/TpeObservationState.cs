namespace Loom.Tune.Search.State;

/// <summary>A completed trial in a saved <see cref="TpeSearch"/> state.</summary>
internal sealed record TpeObservationState
{
    /// <summary>Its config.</summary>
    public TrialConfig Config { get; init; } = TrialConfig.Empty;

    /// <summary>Its loss (lower is better).</summary>
    public double Loss { get; init; }

    /// <summary>When it completed.</summary>
    public long Order { get; init; }
}
