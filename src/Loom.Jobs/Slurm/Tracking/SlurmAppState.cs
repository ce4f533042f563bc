using Loom.Jobs.Queue;

namespace Loom.Jobs.Slurm.Tracking;

/// <summary>
/// One state for an app from the states of its Slurm records (heterogeneous-job components, array tasks).
/// Until every record ended: <see cref="JobState.Running"/> when any runs, else <see cref="JobState.Queued"/>.
/// Once all ended, the worst outcome wins: failed, then timed out, then out of memory, then cancelled; the app
/// succeeded only when every record did.
/// </summary>
internal static class SlurmAppState
{
    private static readonly JobState[] WorstFirst = [JobState.Failed, JobState.Timeout, JobState.OutOfMemory, JobState.Cancelled];

    public static JobState Combine(IReadOnlyCollection<JobState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return JobState.Queued;
        }

        if (!states.All(IsEnded))
        {
            return states.Contains(JobState.Running) ? JobState.Running : JobState.Queued;
        }

        foreach (var state in WorstFirst)
        {
            if (states.Contains(state))
            {
                return state;
            }
        }

        return JobState.Succeeded;
    }

    public static bool IsEnded(JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.Timeout or JobState.OutOfMemory;
}
