using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class ActorDisposalTests
{
    private static TaskCompletionSource s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource<bool> s_disposedWhileRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int s_disposals;

    [Fact]
    public async Task A_killed_disposable_actor_is_disposed_once_after_its_running_call_ends()
    {
        s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_disposedWhileRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref s_disposals, 0);
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new Resource()).Remote();
        _ = actor.Call(r => r.WorkAsync());
        await s_started.Task.WaitAsync(TestCluster.Patience);

        await actor.KillAsync();
        Assert.Equal(0, Volatile.Read(ref s_disposals));
        s_gate.SetResult();

        Assert.False(await s_disposedWhileRunning.Task.WaitAsync(TestCluster.Patience));
        Assert.Equal(1, Volatile.Read(ref s_disposals));
    }

    [Fact]
    public async Task A_killed_idle_disposable_actor_is_disposed_at_once()
    {
        Interlocked.Exchange(ref s_disposals, 0);
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new Resource()).Remote();
        Assert.Equal(1, await actor.Call(r => r.Ping()).Within());

        await actor.KillAsync();

        Assert.Equal(1, Volatile.Read(ref s_disposals));
    }

    public sealed class Resource : IDisposable
    {
        private volatile bool _running;

        public int Ping() => 1;

        public async Task<int> WorkAsync()
        {
            _running = true;
            s_started.SetResult();
            await s_gate.Task;
            _running = false;
            return 1;
        }

        public void Dispose()
        {
            Interlocked.Increment(ref s_disposals);
            s_disposedWhileRunning.TrySetResult(_running);
        }
    }
}
