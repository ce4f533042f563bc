using Loom.Jobs.Queue;

namespace Loom.Jobs.Local;

/// <summary>How a run of an app's replicas ended.</summary>
/// <param name="State">The job's final state: SUCCEEDED, FAILED, TIMEOUT, OUT_OF_MEMORY, CANCELLED or HALTED.</param>
/// <param name="Reason">Why, in words; null on success.</param>
/// <param name="Exits">Every replica's exit, in rank order.</param>
public sealed record RunOutcome(JobState State, string? Reason, IReadOnlyList<ReplicaExit> Exits);
