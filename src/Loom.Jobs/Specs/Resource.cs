namespace Loom.Jobs.Specs;

/// <summary>What one replica of a role needs, as in TorchX.</summary>
public sealed record Resource
{
    /// <summary>No requirements: zero cpu, gpu and memory.</summary>
    public static Resource None { get; } = new();

    /// <summary>Logical CPUs per replica.</summary>
    public int Cpu { get; init; }

    /// <summary>GPUs per replica.</summary>
    public int Gpu { get; init; }

    /// <summary>Memory per replica in MiB (TorchX's <c>memMB</c>).</summary>
    public int MemMB { get; init; }

    /// <summary>Scheduler-specific capabilities (for example an instance type), name to value.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; init; } = new Dictionary<string, string>();

    /// <summary>Named devices and their counts per replica (for example <c>vpc.amazonaws.com/efa: 4</c>).</summary>
    public IReadOnlyDictionary<string, int> Devices { get; init; } = new Dictionary<string, int>();
}
