namespace Loom.Jobs.Slurm;

/// <summary>
/// One Slurm job record as <c>squeue --json</c>, <c>scontrol show job</c>, the job-completion log or
/// <c>sacct</c> report it: a plain job, one heterogeneous-job component or one array task.
/// </summary>
public sealed record SlurmJobInfo
{
    /// <summary>Slurm's own id of this record (<c>job_id</c>): unique per het component and per array task.</summary>
    public required long JobId { get; init; }

    /// <summary>The id a user submitted and sees: the het job's leader id, the array's job id, else <see cref="JobId"/>.</summary>
    public required long BaseJobId { get; init; }

    /// <summary>The array task index, when this record is one task of an array.</summary>
    public int? ArrayTaskId { get; init; }

    /// <summary>The component's offset, when this record is one component of a heterogeneous job.</summary>
    public int? HetJobOffset { get; init; }

    /// <summary>The job name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Slurm's state as written (PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, …), upper case, without flags.</summary>
    public required string State { get; init; }

    /// <summary>Why it waits or ended as it did (<c>Resources</c>, <c>Priority</c>, <c>NonZeroExitCode</c>, …); empty for none.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The exit status of the batch script once it ended, else null.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The signal that ended it (0 for none), once it ended, else null.</summary>
    public int? Signal { get; init; }

    /// <summary>The nodes it runs or ran on.</summary>
    public string NodeList { get; init; } = "";

    /// <summary>The user it runs for.</summary>
    public string User { get; init; } = "";

    /// <summary>The partition.</summary>
    public string Partition { get; init; } = "";

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? SubmitTime { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>How many times Slurm restarted (requeued) it.</summary>
    public int RestartCount { get; init; }
}
