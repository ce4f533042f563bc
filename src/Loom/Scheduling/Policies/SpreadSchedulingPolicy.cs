using Loom.Node;

namespace Loom.Scheduling.Policies;

/// <summary>Round-robin over the nodes that could ever hold the request.</summary>
internal sealed class SpreadSchedulingPolicy : ISchedulingPolicy
{
    private int _next;

    public static SpreadSchedulingPolicy Instance { get; } = new();

    public SchedulingNode Select(IReadOnlyList<SchedulingNode> nodes, ResourceShape shape, string owner)
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[(start + i) % nodes.Count];
            if (node.Scheduler.Pool.Infeasibility(shape) is null)
            {
                return node;
            }
        }

        return nodes[start];
    }
}
