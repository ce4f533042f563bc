using System.Globalization;

namespace Loom;

/// <summary>Identifies one placement group.</summary>
/// <param name="Value">The node-unique sequence number of the group.</param>
public readonly record struct PlacementGroupId(ulong Value)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pg-{Value:x}");
}
