using Loom.Node;
using Loom.Scheduling.Policies;
using Loom.Worker;

namespace Loom.Scheduling;

/// <summary>Turns a <see cref="SchedulingStrategy"/> option into where the work goes, through its policy.</summary>
internal static class PlacementResolver
{
    /// <summary>The placement for work of <paramref name="shape"/> under <paramref name="strategy"/> (null: default).</summary>
    /// <exception cref="TaskUnschedulableException">A hard node affinity names an unknown node.</exception>
    /// <exception cref="ResourcesInfeasibleException">The work can never fit the placement-group bundle.</exception>
    public static IWorkPlacement Resolve(CoreRuntime runtime, SchedulingStrategy? strategy, ResourceShape shape, string owner)
    {
        if (strategy is PlacementGroupSchedulingStrategy inGroup)
        {
            return PlacementGroupSchedulingPolicy.Place(runtime, inGroup, shape, owner);
        }

        ISchedulingPolicy policy = strategy switch
        {
            null or DefaultSchedulingStrategy => DefaultSchedulingPolicy.Instance,
            SpreadSchedulingStrategy => SpreadSchedulingPolicy.Instance,
            NodeAffinitySchedulingStrategy affinity => new NodeAffinitySchedulingPolicy(affinity),
            _ => throw new ArgumentException($"{owner} uses an unknown scheduling strategy {strategy.GetType().Name}.", nameof(strategy)),
        };
        return policy.Select([new SchedulingNode(runtime.NodeName, runtime.Scheduler)], shape, owner).Scheduler;
    }
}
