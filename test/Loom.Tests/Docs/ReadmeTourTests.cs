using Loom.Tests.Support;

namespace Loom.Tests.Docs;

/// <summary>The README's API tour, as written there, so the examples keep compiling and working.</summary>
public sealed class ReadmeTourTests
{
    private static int Square(int x) => x * x;

    [Fact]
    public async Task The_core_tour_works_as_written()
    {
        await using var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions { NumGpus = 2, NumCpus = 2 });

        ObjectRef<int> a = loom.Task<int, int>(Square).Remote(3);
        ObjectRef<int> b = loom.Task((int x, int y) => x + y).Remote(a, 4);
        int v = await b;
        var gpu = loom.Task(static () => LoomContext.Current.GpuIds[0]).WithGpus(1).Remote();
        ObjectRef<float[]> data = loom.Put(new float[1_000_000]);
        int[] all = await loom.GetAsync(new[] { a, b });
        var (ready, pending) = await loom.WaitAsync(new[] { a, b }, numReturns: 1, timeout: TimeSpan.FromSeconds(5));
        ActorHandle<Counter> counter = loom.Actor(() => new Counter(10)).WithName("counter").Remote();
        ObjectRef<int> n = counter.Call(c => c.Increment(5));

        Assert.Equal(13, v);
        Assert.InRange(await gpu.Within(), 0, 1);
        Assert.Equal(1_000_000, (await data.Within()).Length);
        Assert.Equal([9, 13], all);
        _ = Assert.Single(ready);
        _ = Assert.Single(pending);
        Assert.Equal(15, await n.Within());
        await counter.KillAsync();
    }

    [Fact]
    public async Task The_fault_tolerance_tour_works_as_written()
    {
        await using var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions { NumGpus = 2, NumCpus = 2 });

        var fetch = loom.Task((string url) => url.Length)
            .WithRetries(5, ExceptionRetryPolicy.For(typeof(HttpRequestException)))
            .WithIsolation();
        ObjectRef<int> size = fetch.Remote("https://example.org");
        loom.Cancel(size);
        var pg = loom.CreatePlacementGroup([new Bundle { Cpus = 1, Gpus = 1 }, new Bundle { Cpus = 1, Gpus = 1 }], PlacementStrategy.StrictPack);
        await pg.ReadyAsync(TimeSpan.FromMinutes(1));
        var rank0 = loom.Task(static () => LoomContext.Current.GpuIds[0]).WithGpus(1).WithPlacementGroup(pg, bundleIndex: 0).Remote();

        Assert.InRange(await rank0.Within(), 0, 1);
        await pg.RemoveAsync();
        await Assert.ThrowsAnyAsync<LoomException>(async () => await size.Within());
    }

    public sealed class Counter(int start)
    {
        private int _value = start;

        public int Increment(int by) => _value += by;
    }
}
