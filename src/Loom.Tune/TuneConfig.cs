using Loom.Tune.Schedulers;
using Loom.Tune.Search;

namespace Loom.Tune;

/// <summary>What to optimise and how to search: Ray Tune's <c>TuneConfig</c>.</summary>
public sealed record TuneConfig
{
    /// <summary>The metric to optimise, as trials report it.</summary>
    public required string Metric { get; init; }

    /// <summary>Whether lower or higher is better.</summary>
    public TuneMode Mode { get; init; } = TuneMode.Min;

    /// <summary>How many trials to sample (with grid search: how many times the whole grid is repeated).</summary>
    public int NumSamples { get; init; } = 1;

    /// <summary>The most trials running at once; null for as many as the cluster's resources allow.</summary>
    public int? MaxConcurrentTrials { get; init; }

    /// <summary>The search algorithm; random search (with grid expansion) when null.</summary>
    public ISearcher? SearchAlgorithm { get; init; }

    /// <summary>The trial scheduler (early stopping, PBT); FIFO when null.</summary>
    public ITrialScheduler? Scheduler { get; init; }

    /// <summary>No new trial starts after this much time; running trials finish.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The seed of the search algorithm and the scheduler.</summary>
    public int Seed { get; init; }
}
