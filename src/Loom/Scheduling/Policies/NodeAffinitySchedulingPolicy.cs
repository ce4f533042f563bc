using Loom.Node;

namespace Loom.Scheduling.Policies;

/// <summary>Picks the named node; if it is unknown, fails (hard) or falls back to the default policy (soft).</summary>
internal sealed class NodeAffinitySchedulingPolicy : ISchedulingPolicy
{
    private readonly NodeAffinitySchedulingStrategy _strategy;

    public NodeAffinitySchedulingPolicy(NodeAffinitySchedulingStrategy strategy)
    {
        _strategy = strategy;
    }

    public SchedulingNode Select(IReadOnlyList<SchedulingNode> nodes, ResourceShape shape, string owner)
    {
        foreach (var node in nodes)
        {
            if (string.Equals(node.NodeId, _strategy.NodeId, StringComparison.Ordinal))
            {
                return node;
            }
        }

        if (_strategy.Soft)
        {
            return DefaultSchedulingPolicy.Instance.Select(nodes, shape, owner);
        }

        var known = string.Join(", ", nodes.Select(n => $"'{n.NodeId}'"));
        throw new TaskUnschedulableException(
            $"{owner} cannot be scheduled: its NodeAffinitySchedulingStrategy asks for node '{_strategy.NodeId}' (hard), but the cluster's nodes are {known}. Use one of those ids (LoomCluster.NodeId), or Soft: true to fall back to another node.");
    }
}
