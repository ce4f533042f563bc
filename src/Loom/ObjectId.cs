using System.Globalization;

namespace Loom;

/// <summary>
/// Identifies an immutable object in the Loom object store. Ids are unique across nodes:
/// the high half names the node that created the object, the low half is a per-node sequence.
/// </summary>
/// <param name="Node">The identifier of the node that created the object.</param>
/// <param name="Sequence">The creating node's sequence number for the object.</param>
public readonly record struct ObjectId(ulong Node, ulong Sequence)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Node:x16}{Sequence:x16}");
}
