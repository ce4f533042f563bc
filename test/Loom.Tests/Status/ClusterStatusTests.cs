using Loom.Tests.Support;

namespace Loom.Tests.Status;

public sealed class ClusterStatusTests
{
    private static int Fail(int x) => throw new InvalidOperationException($"fail {x}");

    [Fact]
    public async Task Status_counts_succeeded_and_failed_tasks_and_live_actors()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 3, gpus: 2);
        var ok = Enumerable.Range(0, 5).Select(i => loom.Task((int x) => x).Remote(i)).ToList();
        var bad = Enumerable.Range(0, 2).Select(i => loom.Task<int, int>(Fail).Remote(i)).ToList();
        var downstream = loom.Task((int x) => x).Remote(bad[0]);
        var a = loom.Actor(() => new Actors.Counter(0)).Remote();
        var b = loom.Actor(() => new Actors.Counter(0)).Remote();
        var c = loom.Actor(() => new Actors.Counter(0)).Remote();

        await loom.GetAsync(ok, TestCluster.Patience);
        await loom.WaitAsync(bad.Append(downstream), numReturns: 3, timeout: TestCluster.Patience);
        await loom.GetAsync([a.Call(x => x.Get()), b.Call(x => x.Get()), c.Call(x => x.Get())], TestCluster.Patience);
        await c.KillAsync();
        var status = loom.GetStatus();

        Assert.Equal("test-node", status.NodeId);
        Assert.Equal(5, status.Tasks.Succeeded);
        Assert.Equal(3, status.Tasks.Failed);
        Assert.Equal(0, status.Tasks.Running);
        Assert.Equal(0, status.Tasks.Queued);
        Assert.Equal(0, status.Tasks.WaitingForArguments);
        Assert.Equal(new ActorStateCounts(0, 2, 1), status.Actors);
        Assert.Equal(new ResourceUsage("CPU", 3, 0), status.Resources.Single(r => r.Name == "CPU"));
        Assert.Equal(new ResourceUsage("GPU", 2, 0), status.Resources.Single(r => r.Name == "GPU"));
    }

    [Fact]
    public async Task A_task_whose_result_was_gotten_is_already_counted_and_its_resources_returned()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1);
        var task = loom.Task((int x) => x).WithGpus(1);
        var failing = loom.Task<int, int>(Fail).WithGpus(1);

        for (var i = 1; i <= 200; i++)
        {
            Assert.Equal(i, await task.Remote(i).Within());
            await Assert.ThrowsAsync<TaskFailedException>(async () => await failing.Remote(i).Within());
            var status = loom.GetStatus();
            Assert.Equal(i, status.Tasks.Succeeded);
            Assert.Equal(i, status.Tasks.Failed);
            Assert.Equal(0, status.Tasks.Running);
            Assert.Equal(0.0, status.Resources.Single(r => r.Name == "CPU").Used);
            Assert.Equal(0.0, status.Resources.Single(r => r.Name == "GPU").Used);
        }
    }

    [Fact]
    public async Task Status_text_summarises_resources_tasks_actors_and_store()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: o => o with
        {
            CustomResources = new Dictionary<string, double> { ["fpga"] = 2 },
        });
        await loom.Task(() => 1).Remote().Within();
        var kept = loom.Put(new byte[100]);

        var status = loom.GetStatus();
        var text = status.ToString();

        Assert.Equal(["CPU", "GPU", "memory", "fpga"], status.Resources.Select(r => r.Name));
        Assert.True(status.ObjectStore.Objects >= 1);
        Assert.Equal(1L << 30, status.ObjectStore.CapacityBytes);
        Assert.Contains("Node test-node", text, StringComparison.Ordinal);
        Assert.Contains("fpga", text, StringComparison.Ordinal);
        Assert.Contains("1 succeeded", text, StringComparison.Ordinal);
        GC.KeepAlive(kept);
    }
}
