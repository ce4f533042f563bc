using Loom.Jobs.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loom.Jobs.Service;

/// <summary>Settings of a <see cref="JobService"/>.</summary>
public sealed record JobServiceOptions
{
    /// <summary>The state folder (<c>$LOOM_HOME</c>): the job database and one folder per job under <c>jobs/</c>.</summary>
    public required string Home { get; init; }

    /// <summary>The session name in job handles.</summary>
    public string Session { get; init; } = "loom";

    /// <summary>The GPU ids the service hands out.</summary>
    public IReadOnlyList<int> GpuIds { get; init; } = [];

    /// <summary>The CPUs the service schedules.</summary>
    public int Cpus { get; init; } = Environment.ProcessorCount;

    /// <summary>The memory the service schedules in MiB.</summary>
    public long MemoryMb { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);

    /// <summary>How long replicas have between SIGTERM and SIGKILL when they are stopped.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the service looks at re-attached replicas, time limits and starving jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The queue policy's settings (quotas, starvation guard).</summary>
    public QueuePolicyOptions Policy { get; init; } = new();

    /// <summary>The user of submissions that name none.</summary>
    public string DefaultUser { get; init; } = Environment.UserName;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the service's messages go.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The client for http(s) inputs; a shared default when null.</summary>
    public HttpClient? Http { get; init; }
}
