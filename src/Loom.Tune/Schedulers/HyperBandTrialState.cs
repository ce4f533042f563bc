namespace Loom.Tune.Schedulers;

/// <summary>A live trial in a HyperBand bracket: how far it has run and its latest metric.</summary>
internal sealed class HyperBandTrialState
{
    /// <summary>The trial.</summary>
    public string Id { get; set; } = "";

    /// <summary>Its latest result's time, 0 before it reports.</summary>
    public double Time { get; set; }

    /// <summary>Its latest metric, signed so that higher is better; null before it reports.</summary>
    public double? Score { get; set; }
}
