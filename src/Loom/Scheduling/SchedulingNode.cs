using Loom.Node;

namespace Loom.Scheduling;

/// <summary>A node a policy may pick: its id and its scheduler (with its resource pool).</summary>
/// <param name="NodeId">The node's id.</param>
/// <param name="Scheduler">Its scheduler.</param>
internal sealed record SchedulingNode(string NodeId, LocalScheduler Scheduler);
