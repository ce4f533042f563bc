using System.Globalization;
using System.Text;

namespace Loom;

/// <summary>A snapshot of the cluster: resources, tasks and actors by state, and the object store.</summary>
/// <param name="NodeId">The node's name.</param>
/// <param name="Resources">Each resource's total and used amount.</param>
/// <param name="Tasks">Tasks by state.</param>
/// <param name="Actors">Actors by state.</param>
/// <param name="ObjectStore">The object store's use.</param>
public sealed record ClusterStatus(
    string NodeId,
    IReadOnlyList<ResourceUsage> Resources,
    TaskStateCounts Tasks,
    ActorStateCounts Actors,
    ObjectStoreStatus ObjectStore)
{
    /// <summary>A short multi-line summary, like <c>ray status</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Node {NodeId}");
        text.AppendLine("Resources (used / total):");
        foreach (var resource in Resources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {resource.Name,-12} {resource.Used,10:0.####} / {resource.Total:0.####}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Tasks: {Tasks.WaitingForArguments} waiting for arguments, {Tasks.Queued} queued, {Tasks.Running} running, {Tasks.Succeeded} succeeded, {Tasks.Failed} failed");
        text.AppendLine(CultureInfo.InvariantCulture, $"Actors: {Actors.Pending} pending, {Actors.Alive} alive, {Actors.Dead} dead");
        text.AppendLine(CultureInfo.InvariantCulture, $"Object store: {ObjectStore.Objects} objects, {ObjectStore.BytesInMemory:N0} / {ObjectStore.CapacityBytes:N0} bytes");
        text.Append(CultureInfo.InvariantCulture, $"  {ObjectStore.ObjectsInMemory} in memory, {ObjectStore.PinnedObjects} pinned, {ObjectStore.SpilledObjects} spilled ({ObjectStore.SpilledBytes:N0} bytes; {ObjectStore.SpillDiskBytes:N0} bytes on disk), {ObjectStore.SpillCount} spills, {ObjectStore.RestoreCount} restores");
        return text.ToString();
    }
}

/// <summary>One resource's total and used amount.</summary>
/// <param name="Name">CPU, GPU, memory (bytes) or a custom resource's name.</param>
/// <param name="Total">What the node has.</param>
/// <param name="Used">What running work holds.</param>
public sealed record ResourceUsage(string Name, double Total, double Used);

/// <summary>Tasks by state.</summary>
/// <param name="WaitingForArguments">Submitted, waiting for ObjectRef arguments.</param>
/// <param name="Queued">Waiting for resources.</param>
/// <param name="Running">Running now.</param>
/// <param name="Succeeded">Finished with a result.</param>
/// <param name="Failed">Finished with an error.</param>
public sealed record TaskStateCounts(long WaitingForArguments, long Queued, long Running, long Succeeded, long Failed);

/// <summary>Actors by state.</summary>
/// <param name="Pending">Waiting for resources or constructing.</param>
/// <param name="Alive">Serving calls.</param>
/// <param name="Dead">Killed, or failed in their constructor.</param>
public sealed record ActorStateCounts(int Pending, int Alive, int Dead);

/// <summary>The object store's use.</summary>
/// <param name="Objects">Objects held.</param>
/// <param name="BytesInMemory">Bytes held in memory.</param>
/// <param name="CapacityBytes">The store's capacity.</param>
public sealed record ObjectStoreStatus(int Objects, long BytesInMemory, long CapacityBytes)
{
    /// <summary>Objects whose value is in memory.</summary>
    public long ObjectsInMemory { get; init; }

    /// <summary>Objects whose value is only on disk (spilled), to be read back when needed.</summary>
    public long SpilledObjects { get; init; }

    /// <summary>The bytes of the objects that are only on disk.</summary>
    public long SpilledBytes { get; init; }

    /// <summary>The bytes of spill files on disk (including copies of objects read back into memory).</summary>
    public long SpillDiskBytes { get; init; }

    /// <summary>Objects pinned in memory (arguments of running tasks, values being read); never spilled.</summary>
    public long PinnedObjects { get; init; }

    /// <summary>How many times a value was written to disk.</summary>
    public long SpillCount { get; init; }

    /// <summary>How many times a spilled value was read back into memory.</summary>
    public long RestoreCount { get; init; }
}
