namespace Loom.Cli.Microbenchmark;

/// <summary>Ray's object-store workloads: put and get from the driver and from tasks.</summary>
internal static class ObjectWorkloads
{
    private const int LargeBytes = 800_000_000;

    public static IEnumerable<Workload> All() =>
    [
        new("single client get calls", 1, 10_620, GetCalls),
        new("single client put calls", 1, 5_173, PutCalls),
        new("multi client put calls", 1_000, null, MultiClientPutCalls),
        new("single client put gigabytes", LargeBytes / 1e9, 19.9, PutGigabytes),
    ];

    public static Workload GetObjectContaining10kRefs() =>
        new("single client get object containing 10k refs", 1, null, GetObjectContainingRefsAsync);

    private static Task<PreparedWorkload> GetCalls(LoomCluster loom)
    {
        var value = loom.Put(0);
        return PreparedWorkload.Of(
            async () => await value,
            () =>
            {
                value.Dispose();
                return ValueTask.CompletedTask;
            });
    }

    private static Task<PreparedWorkload> PutCalls(LoomCluster loom) =>
        PreparedWorkload.Of(() =>
        {
            loom.Put(0).Dispose();
            return Task.CompletedTask;
        });

    private static Task<PreparedWorkload> MultiClientPutCalls(LoomCluster loom)
    {
        var putHundred = loom.Task<int>(BenchmarkTasks.PutHundred);
        return PreparedWorkload.Of(async () =>
        {
            var refs = new ObjectRef<int>[10];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = putHundred.Remote();
            }

            await loom.GetAsync(refs).ConfigureAwait(false);
            RefBatch.DisposeAll(refs);
        });
    }

    private static Task<PreparedWorkload> PutGigabytes(LoomCluster loom)
    {
        var data = new byte[LargeBytes];
        Array.Fill(data, (byte)1);
        return PreparedWorkload.Of(() =>
        {
            loom.Put(data).Dispose();
            return Task.CompletedTask;
        });
    }

    private static async Task<PreparedWorkload> GetObjectContainingRefsAsync(LoomCluster loom)
    {
        var container = loom.Task<List<ObjectRef<int>>>(BenchmarkTasks.CreateObjectContainingRefs).Remote();
        RefBatch.DisposeAll(await container);
        return new PreparedWorkload(
            async () => RefBatch.DisposeAll(await container),
            () =>
            {
                container.Dispose();
                return ValueTask.CompletedTask;
            });
    }
}
