using Loom.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Tests.Lifecycle;

public sealed class ClusterDisposalTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<int> Blocked()
    {
        started.TrySetResult();
        return await gate.Task;
    }

    private static void Reset()
    {
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task Dispose_fails_queued_tasks_waits_for_the_running_one_and_then_rejects_new_work()
    {
        Reset();
        var loom = await TestCluster.StartAsync(cpus: 1);
        var running = loom.Task<int>(Blocked).Remote();
        await started.Task.WaitAsync(TestCluster.Patience);
        var queued = Enumerable.Range(0, 5).Select(i => loom.Task((int x) => x).Remote(i)).ToList();
        var waiting = loom.Task((int x) => x + 1).Remote(running);
        Assert.Equal(5, loom.GetStatus().Tasks.Queued);

        var dispose = loom.DisposeAsync().AsTask();

        foreach (var reference in queued)
        {
            var error = await Assert.ThrowsAsync<LoomException>(async () => await reference.Within());
            Assert.Contains("shut down", error.Message, StringComparison.Ordinal);
        }

        Assert.False(dispose.IsCompleted);
        Assert.False(running.IsCompleted);

        // Release the running task from elsewhere: disposal then completes.
        await Task.Run(() => gate.SetResult(42));
        await dispose.WaitAsync(TestCluster.Patience);

        Assert.Equal(42, await running.Within());
        await Assert.ThrowsAsync<LoomException>(async () => await waiting.Within());
        var status = loom.GetStatus();
        Assert.Equal(0, status.Tasks.Running);
        Assert.Equal(0, status.Tasks.Queued);
        Assert.Throws<ObjectDisposedException>(() => loom.Task((int x) => x).Remote(1));
        Assert.Throws<ObjectDisposedException>(() => loom.Put(1));
        Assert.Throws<ObjectDisposedException>(() => loom.Actor(() => new Actors.Counter(0)).Remote());
    }

    [Fact]
    public async Task Dispose_stops_waiting_for_a_stuck_task_after_the_shutdown_timeout()
    {
        Reset();
        var clock = new FakeTimeProvider();
        var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = clock, ShutdownTimeout = TimeSpan.FromSeconds(10) });
        var running = loom.Task<int>(Blocked).Remote();
        await started.Task.WaitAsync(TestCluster.Patience);

        var dispose = loom.DisposeAsync().AsTask();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(dispose.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await dispose.WaitAsync(TestCluster.Patience);

        Assert.Equal(1, loom.GetStatus().Tasks.Running);
        var error = await Assert.ThrowsAsync<LoomException>(async () => await running.Within());
        Assert.Contains("did not finish before the cluster was shut down", error.Message, StringComparison.Ordinal);
        gate.SetResult(1);
    }

    [Fact]
    public async Task Dispose_kills_actors_so_their_calls_fail()
    {
        var loom = await TestCluster.StartAsync();
        var counter = loom.Actor(() => new Actors.Counter(1)).Remote();
        Assert.Equal(1, await counter.Call(c => c.Get()).Within());

        await loom.DisposeAsync();

        Assert.Equal(0, loom.GetStatus().Actors.Alive);
        Assert.Equal(1, loom.GetStatus().Actors.Dead);
        Assert.Throws<ObjectDisposedException>(() => counter.Call(c => c.Get()));
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        var loom = await TestCluster.StartAsync();
        var value = loom.Put(3);

        await loom.DisposeAsync();
        await loom.DisposeAsync();
        loom.Dispose();

        Assert.Equal(3, await value.Within());
    }
}
