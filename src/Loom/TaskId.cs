using System.Globalization;

namespace Loom;

/// <summary>Identifies one submitted task (or actor call) for its whole life.</summary>
/// <param name="Value">The node-unique sequence number of the task.</param>
public readonly record struct TaskId(ulong Value)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"task-{Value:x}");
}
