using Loom.PlacementGroups;

namespace Loom;

/// <summary>
/// A gang reservation of resource bundles, made atomically (all bundles or none). Schedule tasks and
/// actors into its bundles with <see cref="PlacementGroupSchedulingStrategy"/> (or <c>WithPlacementGroup</c>).
/// Create one with <see cref="LoomCluster.CreatePlacementGroup"/>.
/// </summary>
public sealed class PlacementGroup
{
    internal PlacementGroup(PlacementGroupInstance instance)
    {
        Instance = instance;
    }

    /// <summary>The group's id.</summary>
    public PlacementGroupId Id => Instance.Id;

    /// <summary>The group's name, or null.</summary>
    public string? Name => Instance.Name;

    /// <summary>How the bundles are placed over nodes.</summary>
    public PlacementStrategy Strategy => Instance.Strategy;

    /// <summary>The bundles, in index order.</summary>
    public IReadOnlyList<Bundle> Bundles => Instance.Bundles;

    /// <summary>Pending, Created or Removed.</summary>
    public PlacementGroupState State => Instance.State;

    internal PlacementGroupInstance Instance { get; }

    /// <summary>Completes when all bundles are reserved.</summary>
    /// <param name="timeout">How long to wait; null waits without limit. The group stays queued after a timeout.</param>
    /// <param name="cancellationToken">Cancels the wait (not the group).</param>
    /// <exception cref="PlacementGroupTimeoutException">The group was not created in time.</exception>
    /// <exception cref="PlacementGroupRemovedException">The group was removed (or the cluster stopped) before it was created.</exception>
    public Task ReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Instance.ReadyAsync(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>
    /// Removes the group: queued work in it fails, its actors die, running tasks finish, and each bundle's
    /// resources return to the node once the work using them has ended. A pending group leaves the queue.
    /// </summary>
    public Task RemoveAsync()
    {
        Instance.Remove();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"PlacementGroup {Instance.DisplayName} ({State})";
}
