namespace Loom.Tune.Schedulers;

/// <summary>What population based training tracks about a trial.</summary>
internal sealed class PbtTrialState
{
    /// <summary>The trial.</summary>
    public string Id { get; set; } = "";

    /// <summary>Its current config (changed by exploits).</summary>
    public TrialConfig Config { get; set; } = TrialConfig.Empty;

    /// <summary>Its latest result's time, 0 before it reports.</summary>
    public double LastTime { get; set; }

    /// <summary>Its latest metric, signed so that higher is better; null before it reports.</summary>
    public double? LastScore { get; set; }

    /// <summary>When it was last considered for exploitation.</summary>
    public double LastPerturbationTime { get; set; }

    /// <summary>Whether it completed or failed; ended trials are neither exploited nor copied.</summary>
    public bool Ended { get; set; }
}
