namespace Loom.Jobs.Queue;

/// <summary>One recorded change of a job's state.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Time">When it changed.</param>
/// <param name="From">The state before, or null for the submission.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record JobTransition(long JobId, DateTimeOffset Time, JobState? From, JobState To, string Reason);
