using Loom.Node;

namespace Loom.PlacementGroups;

/// <summary>
/// The scheduled work that reserves a group's bundles on the node, atomically: under the scheduler's
/// lock it takes every bundle or none. Until then it waits in its own queue and holds nothing.
/// </summary>
internal sealed class PlacementGroupReservation : ScheduledWork
{
    private readonly PlacementGroupInstance _group;
    private readonly BundleSetKey _key;
    private ResourceAllocation[]? _reserved;
    private volatile bool _cancelled;

    public PlacementGroupReservation(PlacementGroupInstance group, ResourceShape total)
        : base(total)
    {
        _group = group;
        _key = new BundleSetKey([.. group.Slots.Select(slot => slot.Shape)]);
    }

    public override object QueueKey => _key;

    /// <summary>Makes the reservation leave the queue at its next turn, taking nothing.</summary>
    public void Cancel() => _cancelled = true;

    public override bool TryAcquire(ResourcePool pool, out ResourceAllocation allocation)
    {
        allocation = ResourceAllocation.None;
        if (_cancelled)
        {
            return true;
        }

        var slots = _group.Slots;
        var reserved = new ResourceAllocation[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            if (!pool.TryAcquire(slots[i].Shape, out reserved[i]))
            {
                for (var j = 0; j < i; j++)
                {
                    pool.Release(reserved[j]);
                }

                return false;
            }
        }

        _reserved = reserved;
        return true;
    }

    public override void Execute()
    {
        if (_reserved is { } reserved)
        {
            _group.OnReserved(reserved);
        }
    }

    public override void Abort(string reason) => _group.Remove(reason);
}
