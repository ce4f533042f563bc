using System.Diagnostics;
using Loom.Tests.Support;

namespace Loom.Tests.Isolation;

public sealed class WorkerDisposalTests
{
    [Fact]
    public async Task Disposing_the_cluster_stops_every_worker_process()
    {
        int[] started;
        using (var gate = new FileGate())
        {
            var loom = await TestCluster.StartAsync(gpus: 1);
            await using (loom)
            {
                var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().Remote();
                var actorPid = await actor.Call(x => x.ProcessId()).Within();
                var cpuPid = await loom.Task(IsolatedFunctions.ProcessId).WithIsolation().Remote().Within();
                var gpuPid = await loom.Task(IsolatedFunctions.ProcessId).WithIsolation().WithGpus(1).Remote().Within();

                started = [.. loom.Runtime.Executors.Pool.StartedProcessIds];
                Assert.Equal([actorPid, cpuPid, gpuPid], started.Order());
                Assert.All(started, pid => Assert.False(FileGate.IsGone(pid)));
            }
        }

        Assert.All(started, pid => Assert.True(FileGate.IsGone(pid), $"worker process {pid} outlived the cluster"));
    }

    [Fact]
    public async Task Killing_an_isolated_actor_stops_its_process()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().WithMaxRestarts(-1).Remote();
        var pid = await actor.Call(x => x.ProcessId()).Within();

        await actor.KillAsync();

        await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(x => x.Increment(1)).Within());
        await TestCluster.WaitUntilAsync(() => FileGate.IsGone(pid));

        Assert.Equal(1, IsolatedCounter.Constructions(gate.Directory));
    }

    [Fact]
    public async Task Isolated_tasks_one_at_a_time_and_all_at_once_return_their_values()
    {
        await using var loom = await TestCluster.StartAsync();
        var square = loom.Task<int, int>(IsolatedFunctions.Square).WithIsolation();

        const int Count = 200;
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(i * i, await square.Remote(i).Within());
        }

        var refs = Enumerable.Range(0, Count).Select(i => square.Remote(i)).ToArray();
        var values = await loom.GetAsync(refs).AsTask().WaitAsync(TestCluster.Patience);

        Assert.Equal(Enumerable.Range(0, Count).Select(i => i * i), values);
    }
}
