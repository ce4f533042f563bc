namespace Loom;

/// <summary>Placement groups: gang reservations of resource bundles.</summary>
public sealed partial class LoomCluster
{
    /// <summary>
    /// Creates a placement group: the bundles are reserved atomically (all or none) as soon as they fit;
    /// until then the group waits in the scheduler's queue, holding nothing. Await
    /// <see cref="PlacementGroup.ReadyAsync"/> to know when it is created.
    /// </summary>
    /// <param name="bundles">The bundles (at least one), each a set of resources reserved together.</param>
    /// <param name="strategy">How bundles are placed over nodes (default <see cref="PlacementStrategy.Pack"/>).</param>
    /// <param name="name">A name to find the group with <see cref="GetPlacementGroup"/>, or null.</param>
    /// <returns>The group, pending or already created.</returns>
    /// <exception cref="ResourcesInfeasibleException">The bundles could never be reserved on this cluster.</exception>
    /// <exception cref="ArgumentException">No bundles, an empty bundle, or the name is taken.</exception>
    public PlacementGroup CreatePlacementGroup(IEnumerable<Bundle> bundles, PlacementStrategy strategy = PlacementStrategy.Pack, string? name = null) =>
        Runtime.PlacementGroups.Create(bundles, strategy, name).Handle;

    /// <summary>Finds a named placement group that has not been removed.</summary>
    /// <param name="name">The group's name.</param>
    /// <exception cref="KeyNotFoundException">No such group.</exception>
    public PlacementGroup GetPlacementGroup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Runtime.PlacementGroups.Get(name).Handle;
    }
}
