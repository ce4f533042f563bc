namespace Loom.Jobs.Queue;

/// <summary>A job as the queue stores it.</summary>
public sealed record JobRecord
{
    /// <summary>The job's id.</summary>
    public required long Id { get; init; }

    /// <summary>The job's name.</summary>
    public required string Name { get; init; }

    /// <summary>The submitting user.</summary>
    public required string User { get; init; }

    /// <summary>Higher runs first.</summary>
    public int Priority { get; init; }

    /// <summary>Whole GPUs needed.</summary>
    public int Gpus { get; init; }

    /// <summary>CPUs needed.</summary>
    public int Cpus { get; init; }

    /// <summary>Memory limit in MiB (0 for none).</summary>
    public long MemoryMb { get; init; }

    /// <summary>Whether a higher-priority job may halt this one to take its GPUs.</summary>
    public bool Preemptible { get; init; }

    /// <summary>The run time after which the job ends as Timeout, or null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The jobs this one waits for.</summary>
    public IReadOnlyList<JobDependency> Dependencies { get; init; } = [];

    /// <summary>The id of the array's first task when this job is an array task, else null.</summary>
    public long? ArrayParentId { get; init; }

    /// <summary>This task's index (<c>LOOM_ARRAY_TASK_ID</c>) when the job is an array task, else null.</summary>
    public int? ArrayIndex { get; init; }

    /// <summary>How many tasks of the array may run at once, or null for no cap.</summary>
    public int? ArrayMaxConcurrent { get; init; }

    /// <summary>How many times the job went back to the queue after a failed attempt.</summary>
    public int RetryCount { get; init; }

    /// <summary>How many retries the job's policy allows.</summary>
    public int MaxRetries { get; init; }

    /// <summary>The current state.</summary>
    public JobState State { get; init; }

    /// <summary>The GPU ids the job holds while it runs.</summary>
    public IReadOnlyList<int> GpuIds { get; init; } = [];

    /// <summary>How many times a job behind it in the queue order started before it.</summary>
    public int PassedOver { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When its latest attempt started, if it did.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last ended, if it did.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The reason given with the latest transition.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Whether two records hold the same values, comparing dependencies and GPU ids element by element.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>True when all values are equal.</returns>
    public bool Equals(JobRecord? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && User == other.User && Priority == other.Priority
        && Gpus == other.Gpus && Cpus == other.Cpus && MemoryMb == other.MemoryMb && Preemptible == other.Preemptible
        && TimeLimit == other.TimeLimit && Dependencies.SequenceEqual(other.Dependencies)
        && ArrayParentId == other.ArrayParentId && ArrayIndex == other.ArrayIndex
        && ArrayMaxConcurrent == other.ArrayMaxConcurrent && RetryCount == other.RetryCount
        && MaxRetries == other.MaxRetries && State == other.State && GpuIds.SequenceEqual(other.GpuIds)
        && PassedOver == other.PassedOver && SubmittedAt == other.SubmittedAt && StartedAt == other.StartedAt
        && EndedAt == other.EndedAt && Reason == other.Reason;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, State, RetryCount, StartedAt, EndedAt);
}
