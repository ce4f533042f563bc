namespace Loom.Cli.Microbenchmark;

/// <summary>Ray's task workloads: submitting small tasks from the driver or from actors, and waiting on them.</summary>
internal static class TaskWorkloads
{
    private const int Batch = 1_000;
    private const int TaskClients = 4;
    private const int TasksPerClient = 10_000;

    public static Workload TasksAndGetBatch() => new("single client tasks and get batch", 1, 5.8, SubmitAndGetBatch);

    public static IEnumerable<Workload> Rest() =>
    [
        new("single client wait 1k refs", 1, 5.08, WaitOneAtATime),
        new("single client tasks sync", 1, 981, TasksSync),
        new("single client tasks async", Batch, 8_041, SubmitAndGetBatch),
        new("multi client tasks async", TaskClients * TasksPerClient, 21_230, MultiClientTasksAsync),
    ];

    private static RemoteFunction<byte[]> Small(LoomCluster loom) => loom.Task<byte[]>(BenchmarkTasks.Small).WithCpus(1);

    private static Task<PreparedWorkload> SubmitAndGetBatch(LoomCluster loom) => SubmitAndGetBatch(loom, Small(loom));

    /// <summary>Submits a batch of <paramref name="small"/> tasks and gets them all.</summary>
    public static Task<PreparedWorkload> SubmitAndGetBatch(LoomCluster loom, RemoteFunction<byte[]> small) =>
        PreparedWorkload.Of(async () =>
        {
            var refs = new ObjectRef<byte[]>[Batch];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = small.Remote();
            }

            await loom.GetAsync(refs).ConfigureAwait(false);
            RefBatch.DisposeAll(refs);
        });

    private static Task<PreparedWorkload> WaitOneAtATime(LoomCluster loom)
    {
        var small = Small(loom);
        return PreparedWorkload.Of(async () =>
        {
            var refs = new ObjectRef<byte[]>[Batch];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = small.Remote();
            }

            IReadOnlyList<ObjectRef<byte[]>> pending = refs;
            while (pending.Count > 0)
            {
                pending = (await loom.WaitAsync(pending, 1).ConfigureAwait(false)).Pending;
            }

            RefBatch.DisposeAll(refs);
        });
    }

    private static Task<PreparedWorkload> TasksSync(LoomCluster loom) => TasksSync(Small(loom));

    /// <summary>Submits one <paramref name="small"/> task and awaits it.</summary>
    public static Task<PreparedWorkload> TasksSync(RemoteFunction<byte[]> small) =>
        PreparedWorkload.Of(async () =>
        {
            using var result = small.Remote();
            await result;
        });

    private static Task<PreparedWorkload> MultiClientTasksAsync(LoomCluster loom)
    {
        var clients = Enumerable.Range(0, TaskClients).Select(_ => loom.Actor(() => new TaskClientActor()).WithCpus(0).Remote()).ToArray();
        return PreparedWorkload.Of(
            async () =>
            {
                var refs = clients.Select(c => c.Call(a => a.SubmitAndGetAsync(TasksPerClient))).ToArray();
                await loom.GetAsync(refs).ConfigureAwait(false);
                RefBatch.DisposeAll(refs);
            },
            () => ActorCleanup.KillAllAsync(clients));
    }
}
