namespace Loom.Jobs.Api;

/// <summary>The running head: where it is and what it schedules.</summary>
public sealed record HeadInfo
{
    /// <summary>The session name in handles (<c>local://SESSION/…</c>).</summary>
    public required string Session { get; init; }

    /// <summary>The head's process id.</summary>
    public int Pid { get; init; }

    /// <summary>The API's base address.</summary>
    public string Url { get; init; } = "";

    /// <summary>The state folder.</summary>
    public string Home { get; init; } = "";

    /// <summary>The GPU ids it schedules.</summary>
    public IReadOnlyList<int> GpuIds { get; init; } = [];

    /// <summary>The CPUs it schedules.</summary>
    public int Cpus { get; init; }

    /// <summary>The memory it schedules in MiB.</summary>
    public long MemoryMb { get; init; }

    /// <summary>The free GPU ids now.</summary>
    public IReadOnlyList<int> FreeGpuIds { get; init; } = [];

    /// <summary>The free CPUs now.</summary>
    public int FreeCpus { get; init; }

    /// <summary>Jobs waiting in the queue.</summary>
    public int Queued { get; init; }

    /// <summary>Jobs holding resources.</summary>
    public int Running { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
