namespace Loom.Jobs.Queue;

/// <summary>Settings of the <see cref="QueuePolicy"/>.</summary>
public sealed record QueuePolicyOptions
{
    /// <summary>After waiting this long, a job that cannot start gets its resources reserved (no backfill on them).</summary>
    public TimeSpan StarvationAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>After being passed over this many times, a job that cannot start gets its resources reserved.</summary>
    public int StarvationPassOvers { get; init; } = 10;

    /// <summary>The most GPUs each named user may hold at once.</summary>
    public IReadOnlyDictionary<string, int> GpuQuotas { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The most GPUs a user without an entry in <see cref="GpuQuotas"/> may hold, or null for no limit.</summary>
    public int? DefaultGpuQuota { get; init; }
}
