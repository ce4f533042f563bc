namespace Loom.Jobs.Queue;

/// <summary>The free resources and per-user and per-array usage while the <see cref="QueuePolicy"/> decides.</summary>
internal sealed class ResourcePool
{
    private readonly SortedSet<int> _freeGpus;
    private readonly Dictionary<string, int> _userGpus = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _arrayRunning = [];
    private int _freeCpus;
    private long _freeMemoryMb;

    /// <summary>Takes the free resources and the usage of the running jobs from a snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    public ResourcePool(QueueSnapshot snapshot)
    {
        _freeGpus = [.. snapshot.FreeGpuIds];
        _freeCpus = snapshot.FreeCpus;
        _freeMemoryMb = snapshot.FreeMemoryMb;
        foreach (var job in snapshot.Running)
        {
            Count(job, job.GpuIds.Count);
        }
    }

    /// <summary>Whether the job's array cap and its user's GPU quota let it start.</summary>
    /// <param name="job">The job.</param>
    /// <param name="options">The quotas.</param>
    /// <returns>True when neither limit is reached.</returns>
    public bool WithinLimits(JobRecord job, QueuePolicyOptions options)
    {
        if (job.ArrayParentId is { } parent && job.ArrayMaxConcurrent is { } cap
            && _arrayRunning.GetValueOrDefault(parent) >= cap)
        {
            return false;
        }

        var quota = options.GpuQuotas.TryGetValue(job.User, out var q) ? q : options.DefaultGpuQuota;
        return job.Gpus == 0 || quota is null || _userGpus.GetValueOrDefault(job.User) + job.Gpus <= quota;
    }

    /// <summary>Whether the job fits in the free resources less a reservation.</summary>
    /// <param name="job">The job.</param>
    /// <param name="reservation">Resources held for starving jobs.</param>
    /// <returns>True when it fits.</returns>
    public bool Fits(JobRecord job, Resources reservation) =>
        job.Gpus <= _freeGpus.Count - reservation.Gpus
        && job.Cpus <= _freeCpus - reservation.Cpus
        && job.MemoryMb <= _freeMemoryMb - reservation.MemoryMb;

    /// <summary>Whether the job would fit if extra resources were freed.</summary>
    /// <param name="job">The job.</param>
    /// <param name="extra">Resources that would be freed.</param>
    /// <returns>True when it would fit.</returns>
    public bool FitsWith(JobRecord job, Resources extra) =>
        job.Gpus <= _freeGpus.Count + extra.Gpus
        && job.Cpus <= _freeCpus + extra.Cpus
        && job.MemoryMb <= SaturatingAdd(_freeMemoryMb, extra.MemoryMb);

    /// <summary>Adds to a reservation what a starving job needs of the resources still unreserved.</summary>
    /// <param name="job">The starving job.</param>
    /// <param name="reservation">The reservation so far.</param>
    /// <returns>The larger reservation.</returns>
    public Resources Reserve(JobRecord job, Resources reservation) => new(
        reservation.Gpus + Math.Clamp(_freeGpus.Count - reservation.Gpus, 0, job.Gpus),
        reservation.Cpus + Math.Clamp(_freeCpus - reservation.Cpus, 0, job.Cpus),
        reservation.MemoryMb + Math.Clamp(_freeMemoryMb - reservation.MemoryMb, 0, job.MemoryMb));

    /// <summary>Takes the job's resources and chooses its GPUs.</summary>
    /// <param name="job">The job that starts.</param>
    /// <returns>Its GPU ids.</returns>
    public int[] Take(JobRecord job)
    {
        var gpus = GpuAllocator.Pick(_freeGpus, job.Gpus)
            ?? throw new InvalidOperationException($"Job {job.Id} does not fit the free GPUs.");
        _freeGpus.ExceptWith(gpus);
        _freeCpus -= job.Cpus;
        _freeMemoryMb -= job.MemoryMb;
        Count(job, gpus.Length);
        return gpus;
    }

    private void Count(JobRecord job, int gpus)
    {
        _userGpus[job.User] = _userGpus.GetValueOrDefault(job.User) + gpus;
        if (job.ArrayParentId is { } parent)
        {
            _arrayRunning[parent] = _arrayRunning.GetValueOrDefault(parent) + 1;
        }
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
