namespace Loom.Cli.Microbenchmark;

/// <summary>All the workloads, in the order <c>ray microbenchmark</c> runs them.</summary>
internal static class WorkloadCatalog
{
    public static IReadOnlyList<Workload> All() =>
    [
        .. ObjectWorkloads.All(),
        TaskWorkloads.TasksAndGetBatch(),
        ObjectWorkloads.GetObjectContaining10kRefs(),
        .. TaskWorkloads.Rest(),
        .. ActorWorkloads.All(),
        PlacementGroupWorkloads.CreateRemove(),
        .. IsolatedTaskWorkloads.All(),
    ];
}
