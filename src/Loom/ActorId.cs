using System.Globalization;

namespace Loom;

/// <summary>Identifies one actor for its whole life.</summary>
/// <param name="Value">The node-unique sequence number of the actor.</param>
public readonly record struct ActorId(ulong Value)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"actor-{Value:x}");
}
