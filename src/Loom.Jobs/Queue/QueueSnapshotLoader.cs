namespace Loom.Jobs.Queue;

/// <summary>Builds a <see cref="QueueSnapshot"/> from the <see cref="JobStore"/> and the node's free resources.</summary>
public static class QueueSnapshotLoader
{
    /// <summary>Reads the queued and running jobs, their dependencies and the users' latest starts.</summary>
    /// <param name="store">The job store.</param>
    /// <param name="freeGpuIds">The free GPU ids.</param>
    /// <param name="freeCpus">The free CPUs.</param>
    /// <param name="freeMemoryMb">The free memory in MiB, or <see cref="long.MaxValue"/> when memory is not scheduled.</param>
    /// <param name="now">The time of the decision.</param>
    /// <returns>The snapshot.</returns>
    public static QueueSnapshot Load(
        JobStore store, IReadOnlyList<int> freeGpuIds, int freeCpus, long freeMemoryMb, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(freeGpuIds);
        var queued = store.ByState(JobState.Queued);
        return new QueueSnapshot
        {
            Queued = queued,
            Running = store.ByState(JobState.Downloading, JobState.Running, JobState.Storing),
            Dependencies = store.Find(queued.SelectMany(j => j.Dependencies).Select(d => d.JobId)),
            LastStartByUser = store.LastStartByUser(),
            FreeGpuIds = freeGpuIds,
            FreeCpus = freeCpus,
            FreeMemoryMb = freeMemoryMb,
            Now = now,
        };
    }
}
