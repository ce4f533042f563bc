namespace Loom;

/// <summary>How a placement group's bundles are spread over nodes.</summary>
public enum PlacementStrategy
{
    /// <summary>As few nodes as possible, best effort.</summary>
    Pack,

    /// <summary>Over as many nodes as possible, best effort.</summary>
    Spread,

    /// <summary>All bundles on one node, or the group is not created.</summary>
    StrictPack,

    /// <summary>Each bundle on its own node, or the group is not created.</summary>
    StrictSpread,
}
