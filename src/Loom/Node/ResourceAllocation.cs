namespace Loom.Node;

/// <summary>Resources granted to one task or actor: the shape it asked for and the GPU ids it got.</summary>
internal sealed class ResourceAllocation
{
    public static ResourceAllocation None { get; } = new(ResourceShape.None, []);

    public ResourceAllocation(ResourceShape shape, int[] gpuIds)
    {
        Shape = shape;
        GpuIds = gpuIds;
    }

    public ResourceShape Shape { get; }

    /// <summary>The GPU ids assigned: one per whole GPU, or the one shared GPU for a fractional request.</summary>
    public int[] GpuIds { get; }

    /// <summary>The scheduler that granted it (a bundle's or the node's); it goes back there.</summary>
    public LocalScheduler? Scheduler { get; set; }

    /// <summary>True while the CPUs of this allocation are lent back because its task waits on another.</summary>
    public bool CpuLentBack { get; set; }

    /// <summary>How many waits of the task are in progress; the CPUs are lent from the first until the last ends.</summary>
    public int Waits { get; set; }
}
