namespace Loom;

/// <summary>One bundle of a placement group: a set of resources reserved together on one node.</summary>
public sealed record Bundle
{
    /// <summary>CPUs reserved (may be fractional).</summary>
    public double Cpus { get; init; }

    /// <summary>GPUs reserved. Values below 1 reserve part of one GPU; values of 1 or more must be whole.</summary>
    public double Gpus { get; init; }

    /// <summary>Memory reserved, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Custom resources reserved, by name.</summary>
    public IReadOnlyDictionary<string, double>? CustomResources { get; init; }
}
