using Loom.Jobs.Queue;

namespace Loom.Jobs.Api;

/// <summary>One recorded change of a job's state.</summary>
/// <param name="Time">When.</param>
/// <param name="From">The state before (null at submission).</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record TransitionView(DateTimeOffset Time, JobState? From, JobState To, string Reason);
