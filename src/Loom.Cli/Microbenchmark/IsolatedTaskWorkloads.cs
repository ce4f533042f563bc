namespace Loom.Cli.Microbenchmark;

/// <summary>
/// The task workloads again with every task in a pooled <c>loom worker</c> process: the like-for-like
/// comparison with Ray, whose tasks always run in worker processes.
/// </summary>
internal static class IsolatedTaskWorkloads
{
    public static IEnumerable<Workload> All() =>
    [
        new("single client tasks sync (worker process)", 1, 981, TasksSync),
        new("single client tasks async (worker process)", 1_000, 8_041, TasksAsync),
    ];

    private static RemoteFunction<byte[]> Small(LoomCluster loom) => loom.Task<byte[]>(BenchmarkTasks.Small).WithCpus(1).WithIsolation();

    private static Task<PreparedWorkload> TasksSync(LoomCluster loom) => TaskWorkloads.TasksSync(Small(loom));

    private static Task<PreparedWorkload> TasksAsync(LoomCluster loom) => TaskWorkloads.SubmitAndGetBatch(loom, Small(loom));
}
