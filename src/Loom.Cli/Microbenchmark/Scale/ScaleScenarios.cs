namespace Loom.Cli.Microbenchmark.Scale;

/// <summary>
/// Ray's single-node scalability envelope: 1,000,000 queued tasks, a task with 10,000 ObjectRef
/// arguments, one get of 10,000 objects, and 10,000 live actors. Each scenario checks its results.
/// </summary>
internal static class ScaleScenarios
{
    public const int MillionTasks = 1_000_000;
    public const int TenThousand = 10_000;

    public static IReadOnlyList<ScaleScenario> All() =>
    [
        new("1,000,000 tasks submitted at once", MillionTasks, MillionQueuedTasksAsync),
        new("one task with 10,000 ObjectRef arguments", TenThousand, TaskWithManyRefArgumentsAsync),
        new("one get of 10,000 objects", TenThousand, GetManyObjectsAsync),
        new("10,000 live actors", TenThousand, ManyActorsAsync),
    ];

    private static async Task MillionQueuedTasksAsync(LoomCluster loom)
    {
        var identity = loom.Task((int i) => i);
        var refs = new ObjectRef<int>[MillionTasks];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = identity.Remote(i);
        }

        var values = await loom.GetAsync(refs).ConfigureAwait(false);
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        Expect(sum == (long)MillionTasks * (MillionTasks - 1) / 2, $"sum of 1,000,000 task results is {sum}");
        RefBatch.DisposeAll(refs);
    }

    private static async Task TaskWithManyRefArgumentsAsync(LoomCluster loom)
    {
        var refs = Enumerable.Range(0, TenThousand).Select(i => loom.Put(i)).ToArray();
        var total = loom.Task(static async (ObjectRef<int>[] inputs) =>
        {
            var values = await LoomContext.Current.Cluster.GetAsync(inputs).ConfigureAwait(false);
            return values.Sum(v => (long)v);
        }).Remote(refs);
        var sum = await total;
        Expect(sum == (long)TenThousand * (TenThousand - 1) / 2, $"the task summed {sum}");
        total.Dispose();
        RefBatch.DisposeAll(refs);
    }

    private static async Task GetManyObjectsAsync(LoomCluster loom)
    {
        var refs = Enumerable.Range(0, TenThousand).Select(i => loom.Put(i)).ToArray();
        var values = await loom.GetAsync(refs).ConfigureAwait(false);
        Expect(values.Length == TenThousand && values[^1] == TenThousand - 1, "one get returned every object");
        RefBatch.DisposeAll(refs);
    }

    private static async Task ManyActorsAsync(LoomCluster loom)
    {
        var actors = Enumerable.Range(0, TenThousand).Select(i => loom.Actor(() => new SmallActor()).Remote()).ToArray();
        var replies = await loom.GetAsync(actors.Select(a => a.Call(x => x.Small()))).ConfigureAwait(false);
        Expect(replies.Length == TenThousand && replies.All(r => r.Length == 2), "every actor answered");
        Expect(loom.GetStatus().Actors.Alive == TenThousand, $"{loom.GetStatus().Actors.Alive} actors alive");
        foreach (var actor in actors)
        {
            await actor.KillAsync().ConfigureAwait(false);
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Scale check failed: {what}.");
        }
    }
}
