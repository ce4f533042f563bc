using Loom.Actors;
using Loom.Node;
using Loom.PlacementGroups;

namespace Loom.Scheduling;

/// <summary>Work placed in bundle <see cref="BundleIndex"/> (-1: any) of a placement group.</summary>
internal sealed class BundlePlacement : IWorkPlacement
{
    public BundlePlacement(PlacementGroupInstance group, int bundleIndex)
    {
        Group = group;
        BundleIndex = bundleIndex;
    }

    public PlacementGroupInstance Group { get; }

    public int BundleIndex { get; }

    public void Submit(ScheduledWork work)
    {
        if (work is ActorCreation creation)
        {
            Group.Track(creation.Actor);
        }

        Group.Submit(work, BundleIndex);
    }
}
