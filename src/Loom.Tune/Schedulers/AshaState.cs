namespace Loom.Tune.Schedulers;

/// <summary>What an <see cref="AshaScheduler"/> saves: its objective, random state, trials' brackets and rungs' records.</summary>
internal sealed class AshaState
{
    /// <summary>The metric and mode.</summary>
    public SchedulerObjective Objective { get; set; } = new();

    /// <summary>The random generator's state (for bracket choice).</summary>
    public IReadOnlyList<ulong> Random { get; set; } = [];

    /// <summary>The bracket of each live trial.</summary>
    public Dictionary<string, int> Brackets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For each bracket and each rung (ascending), the signed metric each trial recorded there.</summary>
    public List<List<Dictionary<string, double>>> Recorded { get; set; } = [];
}
