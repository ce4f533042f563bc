namespace Loom.Jobs.Queue;

/// <summary>What the <see cref="QueuePolicy"/> decides from: the queue, the running jobs and the free resources.</summary>
public sealed record QueueSnapshot
{
    /// <summary>The jobs in <see cref="JobState.Queued"/>.</summary>
    public IReadOnlyList<JobRecord> Queued { get; init; } = [];

    /// <summary>The jobs that hold resources (Downloading, Running, Storing).</summary>
    public IReadOnlyList<JobRecord> Running { get; init; } = [];

    /// <summary>The jobs the queued ones depend on, by id (see <see cref="JobStore.Find"/>).</summary>
    public IReadOnlyDictionary<long, JobRecord> Dependencies { get; init; } = new Dictionary<long, JobRecord>();

    /// <summary>Each user's latest job start, for fair share (see <see cref="JobStore.LastStartByUser"/>).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastStartByUser { get; init; } =
        new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>The free GPU ids.</summary>
    public IReadOnlyList<int> FreeGpuIds { get; init; } = [];

    /// <summary>The free CPUs.</summary>
    public int FreeCpus { get; init; }

    /// <summary>The free memory in MiB (<see cref="long.MaxValue"/> when memory is not scheduled).</summary>
    public long FreeMemoryMb { get; init; } = long.MaxValue;

    /// <summary>The time of the decision.</summary>
    public DateTimeOffset Now { get; init; }
}
