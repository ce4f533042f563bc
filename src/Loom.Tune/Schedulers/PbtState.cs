namespace Loom.Tune.Schedulers;

/// <summary>What a <see cref="PopulationBasedTraining"/> scheduler saves.</summary>
internal sealed class PbtState
{
    /// <summary>The metric and mode.</summary>
    public SchedulerObjective Objective { get; set; } = new();

    /// <summary>The random generator's state.</summary>
    public IReadOnlyList<ulong> Random { get; set; } = [];

    /// <summary>The population, in the order trials were added.</summary>
    public List<PbtTrialState> Trials { get; set; } = [];
}
