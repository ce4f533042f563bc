namespace Loom;

/// <summary>Where a placement group is in its life.</summary>
public enum PlacementGroupState
{
    /// <summary>Queued: its bundles do not fit yet, and it holds nothing.</summary>
    Pending,

    /// <summary>All its bundles are reserved.</summary>
    Created,

    /// <summary>Removed: its work failed or ended, and its resources return to the node.</summary>
    Removed,
}
