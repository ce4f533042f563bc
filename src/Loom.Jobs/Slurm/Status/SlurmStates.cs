using Loom.Jobs.Queue;

namespace Loom.Jobs.Slurm;

/// <summary>
/// Slurm's job states (<c>PENDING</c>, <c>RUNNING</c>, <c>CANCELLED by 0</c>, …) and what they mean to Loom.
/// Slurm reports a base state and, at times, a flag in its place or beside it (<c>COMPLETING</c>,
/// <c>REQUEUED</c>, <c>CONFIGURING</c>); both are understood here.
/// </summary>
public static class SlurmStates
{
    private static readonly Dictionary<string, JobState> Map = new(StringComparer.Ordinal)
    {
        ["PENDING"] = JobState.Queued,
        ["REQUEUED"] = JobState.Queued,
        ["REQUEUE_HOLD"] = JobState.Queued,
        ["REQUEUE_FED"] = JobState.Queued,
        ["SUSPENDED"] = JobState.Queued,
        ["STOPPED"] = JobState.Queued,
        ["CONFIGURING"] = JobState.Queued,
        ["POWER_UP_NODE"] = JobState.Queued,
        ["RESV_DEL_HOLD"] = JobState.Queued,
        ["RUNNING"] = JobState.Running,
        ["COMPLETING"] = JobState.Running,
        ["STAGE_OUT"] = JobState.Running,
        ["SIGNALING"] = JobState.Running,
        ["RESIZING"] = JobState.Running,
        ["COMPLETED"] = JobState.Succeeded,
        ["FAILED"] = JobState.Failed,
        ["NODE_FAIL"] = JobState.Failed,
        ["BOOT_FAIL"] = JobState.Failed,
        ["DEADLINE"] = JobState.Failed,
        ["PREEMPTED"] = JobState.Failed,
        ["SPECIAL_EXIT"] = JobState.Failed,
        ["LAUNCH_FAILED"] = JobState.Failed,
        ["TIMEOUT"] = JobState.Timeout,
        ["OUT_OF_MEMORY"] = JobState.OutOfMemory,
        ["CANCELLED"] = JobState.Cancelled,
    };

    private static readonly HashSet<string> BaseStates = new(StringComparer.Ordinal)
    {
        "PENDING", "RUNNING", "SUSPENDED", "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT",
        "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY",
    };

    /// <summary>The Loom state a Slurm state stands for.</summary>
    /// <param name="slurmState">A state as Slurm writes it, in any case: <c>RUNNING</c>, <c>CANCELLED by 0</c>, <c>CANCELLED+</c>.</param>
    /// <returns>
    /// <see cref="JobState.Queued"/> while it waits (also suspended, requeued or held),
    /// <see cref="JobState.Running"/> while it holds its nodes (also completing, staging out, signalling),
    /// else the way it ended.
    /// </returns>
    /// <exception cref="FormatException">The state is not one Slurm has.</exception>
    public static JobState ToLoom(string slurmState)
    {
        ArgumentNullException.ThrowIfNull(slurmState);
        var name = Normalize(slurmState);
        return Map.TryGetValue(name, out var state)
            ? state
            : throw new FormatException($"Unknown Slurm job state '{slurmState}'.");
    }

    /// <summary>The Loom state a Slurm state stands for, or false for a state Loom does not know.</summary>
    internal static bool TryToLoom(string slurmState, out JobState state) =>
        Map.TryGetValue(Normalize(slurmState ?? ""), out state);

    /// <summary>Whether a Slurm state is final: the job will not run (again) unless someone requeues it.</summary>
    /// <param name="slurmState">A state as Slurm writes it.</param>
    /// <returns>True for COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY and the other ways a job ends.</returns>
    /// <exception cref="FormatException">The state is not one Slurm has.</exception>
    public static bool IsEnded(string slurmState) => ToLoom(slurmState) switch
    {
        JobState.Queued or JobState.Running => false,
        _ => true,
    };

    /// <summary>
    /// A state in the form <see cref="SlurmJobInfo.State"/> keeps: upper case, without what follows the name
    /// (<c>CANCELLED by 0</c> is <c>CANCELLED</c>, sacct's truncated <c>CANCELLED+</c> too).
    /// </summary>
    internal static string Normalize(string slurmState)
    {
        var name = slurmState.Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0)
        {
            name = name[..space];
        }

        return name.TrimEnd('+').ToUpperInvariant();
    }

    /// <summary>The state among a base state and its flags (23.11+ JSON lists both): the base state, else the first.</summary>
    internal static string BaseOf(IReadOnlyList<string> states)
    {
        foreach (var state in states)
        {
            var name = Normalize(state);
            if (BaseStates.Contains(name))
            {
                return name;
            }
        }

        return Normalize(states[0]);
    }
}
