namespace Loom.Jobs.Queue;

/// <summary>What a user submits to the queue.</summary>
public sealed record JobRequest
{
    /// <summary>The job's name.</summary>
    public required string Name { get; init; }

    /// <summary>The submitting user.</summary>
    public required string User { get; init; }

    /// <summary>Higher runs first.</summary>
    public int Priority { get; init; }

    /// <summary>Whole GPUs needed.</summary>
    public int Gpus { get; init; }

    /// <summary>CPUs needed.</summary>
    public int Cpus { get; init; } = 1;

    /// <summary>Memory limit in MiB (0 for none).</summary>
    public long MemoryMb { get; init; }

    /// <summary>Whether a higher-priority job may halt this one to take its GPUs.</summary>
    public bool Preemptible { get; init; }

    /// <summary>The run time after which the job ends as <see cref="JobState.Timeout"/>, or null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>How many times a failed attempt goes back to the queue.</summary>
    public int MaxRetries { get; init; }

    /// <summary>The jobs this one waits for.</summary>
    public IReadOnlyList<JobDependency> Dependencies { get; init; } = [];

    /// <summary>The array to submit (one job per index), or null for a single job.</summary>
    public ArraySpec? Array { get; init; }

    /// <summary>What the job runs (an app as JSON), stored with it; empty when the job carries none.</summary>
    public string Payload { get; init; } = "";

    /// <summary>
    /// One payload per array index, in index order, when the tasks of an array run different things (a batch file's
    /// lines); null when every task runs <see cref="Payload"/>.
    /// </summary>
    public IReadOnlyList<string>? ArrayPayloads { get; init; }
}
