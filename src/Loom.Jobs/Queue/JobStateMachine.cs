namespace Loom.Jobs.Queue;

/// <summary>The legal transitions between <see cref="JobState"/>s.</summary>
public static class JobStateMachine
{
    private static readonly Dictionary<JobState, JobState[]> Allowed = new()
    {
        [JobState.Queued] = [JobState.Downloading, JobState.Running, JobState.Failed, JobState.Cancelled],
        [JobState.Downloading] =
        [
            JobState.Running, JobState.Failed, JobState.Cancelled, JobState.Timeout, JobState.OutOfMemory, JobState.Halted,
        ],
        [JobState.Running] =
        [
            JobState.Storing, JobState.Succeeded, JobState.Failed, JobState.Cancelled, JobState.Timeout,
            JobState.OutOfMemory, JobState.Halted,
        ],
        [JobState.Storing] = [JobState.Succeeded, JobState.Failed, JobState.Cancelled, JobState.Timeout],
        // A failed attempt goes back to the queue when its retry policy allows it.
        [JobState.Failed] = [JobState.Queued],
        [JobState.Timeout] = [JobState.Queued],
        [JobState.OutOfMemory] = [JobState.Queued],
        [JobState.Succeeded] = [],
        [JobState.Cancelled] = [],
        [JobState.Halted] = [JobState.Resumed, JobState.Cancelled],
        [JobState.Resumed] = [JobState.Queued, JobState.Cancelled],
    };

    /// <summary>Whether a job may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The next state.</param>
    /// <returns>True when the transition is legal.</returns>
    public static bool CanTransition(JobState from, JobState to) =>
        Allowed.TryGetValue(from, out var next) && Array.IndexOf(next, to) >= 0;

    /// <summary>Throws <see cref="IllegalJobTransitionException"/> when the transition is not legal.</summary>
    /// <param name="jobId">The job, for the message.</param>
    /// <param name="from">The current state.</param>
    /// <param name="to">The next state.</param>
    public static void EnsureCanTransition(long jobId, JobState from, JobState to)
    {
        if (!CanTransition(from, to))
        {
            throw new IllegalJobTransitionException(jobId, from, to);
        }
    }

    /// <summary>Whether the state ends a job's attempt (no process runs and none will without a retry).</summary>
    /// <param name="state">The state.</param>
    /// <returns>True for Succeeded, Failed, Cancelled, Timeout and OutOfMemory.</returns>
    public static bool IsEnded(JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.Timeout or JobState.OutOfMemory;

    /// <summary>Whether the job holds resources in this state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True for Downloading, Running and Storing.</returns>
    public static bool HoldsResources(JobState state) =>
        state is JobState.Downloading or JobState.Running or JobState.Storing;
}
