namespace Loom.Tune.Schedulers;

/// <summary>A HyperBand bracket's progress: its current rung and its live trials, in the order they were added.</summary>
internal sealed class HyperBandBracketState
{
    /// <summary>The bracket's <c>s</c>, the index of its plan.</summary>
    public int S { get; set; }

    /// <summary>The rung its live trials are running to.</summary>
    public int Rung { get; set; }

    /// <summary>The trials still in the bracket.</summary>
    public List<HyperBandTrialState> Live { get; set; } = [];

    /// <summary>The time units its trials have run, for fair scheduling.</summary>
    public double Progress { get; set; }
}
