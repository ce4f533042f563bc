namespace Loom.Jobs.Queue;

/// <summary>Halting these preemptible running jobs frees enough GPUs for a higher-priority queued job.</summary>
/// <param name="Job">The queued job that would start.</param>
/// <param name="Victims">The running jobs to halt, lowest priority and most recently started first.</param>
public sealed record PreemptionProposal(JobRecord Job, IReadOnlyList<JobRecord> Victims);
