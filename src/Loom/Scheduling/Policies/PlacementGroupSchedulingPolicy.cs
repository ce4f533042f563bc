using System.Globalization;
using Loom.Node;
using Loom.PlacementGroups;
using Loom.Worker;

namespace Loom.Scheduling.Policies;

/// <summary>
/// Sends work into a placement-group bundle: checks the group belongs to this cluster and is not
/// removed, the bundle index, and that the work could ever fit the bundle (or, for -1, some bundle).
/// </summary>
internal static class PlacementGroupSchedulingPolicy
{
    public static IWorkPlacement Place(CoreRuntime runtime, PlacementGroupSchedulingStrategy strategy, ResourceShape shape, string owner)
    {
        ArgumentNullException.ThrowIfNull(strategy.PlacementGroup);
        var group = strategy.PlacementGroup.Instance;
        if (group.Runtime != runtime)
        {
            throw new ArgumentException($"{owner} asks for placement group '{group.DisplayName}' of another cluster; use a group created by this LoomCluster.", nameof(strategy));
        }

        var index = strategy.BundleIndex;
        if (index < -1 || index >= group.Slots.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(strategy),
                index,
                string.Create(CultureInfo.InvariantCulture, $"{owner} asks for bundle {index} of placement group '{group.DisplayName}', which has {group.Slots.Length} bundle(s): use 0 to {group.Slots.Length - 1}, or -1 for any bundle."));
        }

        if (group.State == PlacementGroupState.Removed)
        {
            throw new PlacementGroupRemovedException($"{owner} cannot run in placement group '{group.DisplayName}': the group was removed.");
        }

        if (index >= 0)
        {
            if (group.Slots[index].Totals.Infeasibility(shape) is { } problem)
            {
                throw Infeasible(owner, shape, $"bundle {index} of placement group '{group.DisplayName}'", group.Slots[index].Shape.ToString(), problem);
            }
        }
        else if (!group.Slots.Any(slot => slot.Totals.Infeasibility(shape) is null))
        {
            var bundles = string.Join("; ", group.Slots.Select(slot => $"{slot.Index}: [{slot.Shape}]"));
            throw Infeasible(owner, shape, $"any bundle of placement group '{group.DisplayName}'", bundles, "no bundle is large enough");
        }

        return new BundlePlacement(group, index);
    }

    private static ResourcesInfeasibleException Infeasible(string owner, ResourceShape shape, string where, string totals, string problem) =>
        new(
            $"{owner} can never run in {where}: it asks for [{shape}] but the bundle reserves [{totals}] ({problem}). Ask for less, or create the group with larger bundles.",
            shape.ToString(),
            totals);
}
