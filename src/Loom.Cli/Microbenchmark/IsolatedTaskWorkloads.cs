namespace Loom.Cli.Microbenchmark;

/// <summary>
/// The task workloads again with every task in a pooled <c>loom worker</c> process: the like-for-like
/// comparison with Ray, whose tasks always run in worker processes.
/// </summary>
internal static class IsolatedTaskWorkloads
{
    private const int Batch = 1_000;

    public static IEnumerable<Workload> All() =>
    [
        new("single client tasks sync (worker process)", 1, 981, TasksSync),
        new("single client tasks async (worker process)", Batch, 8_041, TasksAsync),
    ];

    private static RemoteFunction<byte[]> Small(LoomCluster loom) => loom.Task<byte[]>(BenchmarkTasks.Small).WithCpus(1).WithIsolation();

    private static Task<PreparedWorkload> TasksSync(LoomCluster loom)
    {
        var small = Small(loom);
        return PreparedWorkload.Of(async () =>
        {
            using var result = small.Remote();
            await result;
        });
    }

    private static Task<PreparedWorkload> TasksAsync(LoomCluster loom)
    {
        var small = Small(loom);
        return PreparedWorkload.Of(async () =>
        {
            var refs = new ObjectRef<byte[]>[Batch];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = small.Remote();
            }

            await loom.GetAsync(refs).ConfigureAwait(false);
            RefBatch.DisposeAll(refs);
        });
    }
}
