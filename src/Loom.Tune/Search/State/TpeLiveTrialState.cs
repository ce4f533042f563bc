namespace Loom.Tune.Search.State;

/// <summary>A running trial in a saved <see cref="TpeSearch"/> state.</summary>
internal sealed record TpeLiveTrialState
{
    /// <summary>The trial.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its config.</summary>
    public TrialConfig Config { get; init; } = TrialConfig.Empty;

    /// <summary>The metric of its latest intermediate result, if any.</summary>
    public double? LastMetric { get; init; }
}
