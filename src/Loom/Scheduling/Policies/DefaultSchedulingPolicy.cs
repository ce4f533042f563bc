using Loom.Node;

namespace Loom.Scheduling.Policies;

/// <summary>
/// Ray's hybrid policy, simplified: among nodes that could ever hold the request, the one whose most
/// used resource is least used, counting utilization below half as zero so work packs onto the first
/// nodes until they are half busy. Ties go to the earlier node (the local one comes first).
/// </summary>
internal sealed class DefaultSchedulingPolicy : ISchedulingPolicy
{
    private const double SpreadThreshold = 0.5;

    public static DefaultSchedulingPolicy Instance { get; } = new();

    public SchedulingNode Select(IReadOnlyList<SchedulingNode> nodes, ResourceShape shape, string owner)
    {
        if (nodes.Count == 1)
        {
            return nodes[0];
        }

        SchedulingNode? best = null;
        var bestScore = double.MaxValue;
        foreach (var node in nodes)
        {
            var pool = node.Scheduler.Pool;
            if (pool.Infeasibility(shape) is not null)
            {
                continue;
            }

            var score = Score(pool);
            if (score < bestScore)
            {
                best = node;
                bestScore = score;
            }
        }

        return best ?? nodes[0];
    }

    /// <summary>The utilization of the node's most used resource, 0 below the threshold (a hint: read without the lock).</summary>
    internal static double Score(ResourcePool pool)
    {
        var used = Math.Max(Fraction(pool.TotalCpu - pool.FreeCpu, pool.TotalCpu), Fraction(pool.TotalGpu - pool.FreeGpu, pool.TotalGpu));
        used = Math.Max(used, Fraction(pool.TotalMemory - pool.FreeMemory, pool.TotalMemory));
        return used < SpreadThreshold ? 0 : used;
    }

    private static double Fraction(long used, long total) => total <= 0 ? 0 : used / (double)total;
}
