using Loom.Jobs.Queue;

namespace Loom.Jobs.Api;

/// <summary>A job as the API shows it.</summary>
public sealed record JobView
{
    /// <summary>The job's number.</summary>
    public required long Id { get; init; }

    /// <summary>The app id, <c>NAME-ID</c>.</summary>
    public required string AppId { get; init; }

    /// <summary>The handle the CLI takes, <c>local://SESSION/APP_ID</c> or <c>slurm://SESSION/JOB_ID</c>.</summary>
    public required string Handle { get; init; }

    /// <summary>The app's name.</summary>
    public required string Name { get; init; }

    /// <summary>The user it runs for.</summary>
    public required string User { get; init; }

    /// <summary>The current state.</summary>
    public required JobState State { get; init; }

    /// <summary>Why it is in that state.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Higher runs first.</summary>
    public int Priority { get; init; }

    /// <summary>Whether a higher-priority job may halt it.</summary>
    public bool Preemptible { get; init; }

    /// <summary>Whole GPUs it needs.</summary>
    public int Gpus { get; init; }

    /// <summary>CPUs it needs.</summary>
    public int Cpus { get; init; }

    /// <summary>Memory it needs in MiB.</summary>
    public long MemoryMb { get; init; }

    /// <summary>The GPU ids it holds while it runs.</summary>
    public IReadOnlyList<int> GpuIds { get; init; } = [];

    /// <summary>Retries used so far.</summary>
    public int RetryCount { get; init; }

    /// <summary>Retries allowed.</summary>
    public int MaxRetries { get; init; }

    /// <summary>The array's first task when this is an array task.</summary>
    public long? ArrayParentId { get; init; }

    /// <summary>The array index (<c>LOOM_ARRAY_TASK_ID</c>) when this is an array task.</summary>
    public int? ArrayIndex { get; init; }

    /// <summary>The jobs it waits for.</summary>
    public IReadOnlyList<JobDependency> Dependencies { get; init; } = [];

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When its latest attempt started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last ended or halted.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The job's folder: replica working directories, <c>checkpoints/</c>, <c>results/</c>.</summary>
    public string Directory { get; init; } = "";

    /// <summary>The scheduler's own ids for the job where they differ from <see cref="Id"/> (Slurm's job ids of each heterogeneous group or array task).</summary>
    public IReadOnlyList<string> SchedulerJobIds { get; init; } = [];

    /// <summary>The replicas of the latest attempt.</summary>
    public IReadOnlyList<ReplicaView> Replicas { get; init; } = [];
}
