using Loom.Node;

namespace Loom.Scheduling.Policies;

/// <summary>Picks the node for a request among candidate nodes; one implementation per strategy.</summary>
internal interface ISchedulingPolicy
{
    /// <summary>The node to run <paramref name="shape"/> on.</summary>
    /// <param name="nodes">The cluster's nodes (at least one).</param>
    /// <param name="shape">What the work asks for.</param>
    /// <param name="owner">The work, for messages (<c>Task 'x'</c>).</param>
    /// <exception cref="TaskUnschedulableException">The strategy cannot be honoured.</exception>
    SchedulingNode Select(IReadOnlyList<SchedulingNode> nodes, ResourceShape shape, string owner);
}
