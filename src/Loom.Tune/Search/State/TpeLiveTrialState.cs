namespace Loom.Tune.Search.State;

/// <summary>A running trial in a saved <see cref="TpeSearch"/> state.</summary>
internal sealed record TpeLiveTrialState
{
    /// <summary>The trial.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its config.</summary>
    public Dictionary<string, StoredValue> Config { get; init; } = [];

    /// <summary>The metric of its latest intermediate result, if any.</summary>
    public double? LastMetric { get; init; }
}
