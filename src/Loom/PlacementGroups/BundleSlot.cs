using Loom.Node;

namespace Loom.PlacementGroups;

/// <summary>
/// One bundle of a group: its shape, and once the group is created, the node allocation it holds and
/// its own pool and scheduler over exactly that allocation (with the node's GPU ids).
/// </summary>
internal sealed class BundleSlot
{
    public BundleSlot(int index, ResourceShape shape)
    {
        Index = index;
        Shape = shape;
        var gpus = shape.Gpu >= ResourceShape.UnitsPerWhole ? (int)(shape.Gpu / ResourceShape.UnitsPerWhole) : shape.Gpu > 0 ? 1 : 0;
        Totals = ResourcePool.Over(shape, [.. Enumerable.Range(0, gpus)]);
    }

    public int Index { get; }

    public ResourceShape Shape { get; }

    /// <summary>An untouched pool of the bundle's size, for feasibility checks before the group exists.</summary>
    public ResourcePool Totals { get; }

    /// <summary>The bundle's scheduler; null until the group is created.</summary>
    public LocalScheduler? Scheduler { get; private set; }

    /// <summary>Starts the bundle on its node allocation; the allocation goes back to <paramref name="node"/> once the bundle is stopped and idle.</summary>
    public void Activate(ResourceAllocation reserved, LocalScheduler node) =>
        Scheduler = new LocalScheduler(ResourcePool.Over(reserved.Shape, reserved.GpuIds), () => node.Release(reserved));
}
