namespace Loom.Tune.Schedulers;

/// <summary>What a <see cref="HyperBandScheduler"/> saves.</summary>
internal sealed class HyperBandState
{
    /// <summary>The metric and mode.</summary>
    public SchedulerObjective Objective { get; set; } = new();

    /// <summary>The bands, each its brackets by <c>s</c>; the last bracket of the last band takes new trials.</summary>
    public List<List<HyperBandBracketState>> Bands { get; set; } = [[]];

    /// <summary>The bracket of every trial added.</summary>
    public Dictionary<string, HyperBandSlot> Slots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Paused trials stopped by a halving, not yet taken by the tuner.</summary>
    public List<string> ToStop { get; set; } = [];
}
