namespace Loom.Jobs.Local;

/// <summary>Where and how an app's replicas run.</summary>
public sealed record AppRunOptions
{
    /// <summary>The job's folder: replicas run in <c>ROLE/REPLICA/</c> below it, checkpoints go to <c>checkpoints/</c>.</summary>
    public required string JobDirectory { get; init; }

    /// <summary>The app's id, given as <c>LOOM_APP_ID</c> and the <c>${app_id}</c> macro.</summary>
    public required string AppId { get; init; }

    /// <summary>The GPU ids of each replica, by rank; a rank without an entry gets none (an empty <c>CUDA_VISIBLE_DEVICES</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> GpuIdsByRank { get; init; } = [];

    /// <summary>More environment variables for every replica (for example <c>LOOM_JOB_ID</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The host of the rank-0 replica, given as <c>MASTER_ADDR</c>.</summary>
    public string MasterAddress { get; init; } = "localhost";

    /// <summary>The rendezvous port given as <c>MASTER_PORT</c>; null to pick a free one.</summary>
    public int? MasterPort { get; init; }

    /// <summary>How long replicas have between SIGTERM and SIGKILL.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often resident memory is read when the app has a memory limit.</summary>
    public TimeSpan MemorySampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for the time limit, the grace period and memory sampling.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
