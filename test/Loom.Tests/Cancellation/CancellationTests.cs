using Loom.Tests.Support;

namespace Loom.Tests.Cancellation;

public sealed class CancellationTests
{
    private static TaskCompletionSource s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource<bool> s_sawCancellation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int s_ran;

    [Fact]
    public async Task A_queued_task_is_removed_and_never_runs()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 1);
        Reset();
        var blocker = loom.Task(static async () => { await s_gate.Task; return 1; }).Remote();
        var queued = loom.Task(static () => Interlocked.Increment(ref s_ran)).Remote();

        Assert.True(loom.Cancel(queued));
        await Assert.ThrowsAsync<TaskCancelledException>(async () => await queued.Within());

        s_gate.SetResult();
        Assert.Equal(1, await blocker.Within());
        Assert.Equal(1, await loom.Task(static () => 1).Remote().Within());
        Assert.Equal(0, Volatile.Read(ref s_ran));
    }

    [Fact]
    public async Task A_task_waiting_for_its_arguments_is_cancelled_before_it_runs()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var upstream = loom.Task(static async () => { await s_gate.Task; return 2; }).Remote();
        var downstream = loom.Task((int x) => Interlocked.Increment(ref s_ran) + x).Remote(upstream);

        Assert.True(loom.Cancel(downstream));
        s_gate.SetResult();

        Assert.Equal(2, await upstream.Within());
        var error = await Assert.ThrowsAsync<TaskCancelledException>(async () => await downstream.Within());
        Assert.Contains("cancelled", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref s_ran));
    }

    [Fact]
    public async Task A_running_task_sees_its_token_cancelled_and_its_getter_fails_at_once()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var running = loom.Task(static async () =>
        {
            var token = LoomContext.Current.CancellationToken;
            s_started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                s_sawCancellation.SetResult(true);
                throw;
            }

            return 0;
        }).Remote();

        await s_started.Task.WaitAsync(TestCluster.Patience);
        Assert.True(loom.Cancel(running));

        await Assert.ThrowsAsync<TaskCancelledException>(async () => await running.Within());
        Assert.True(await s_sawCancellation.Task.WaitAsync(TestCluster.Patience));
    }

    [Fact]
    public async Task A_cancelled_task_is_never_retried()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var running = loom.Task(static async () =>
            {
                Interlocked.Increment(ref s_ran);
                s_started.TrySetResult();
                await Task.Delay(Timeout.Infinite, LoomContext.Current.CancellationToken);
                return 0;
            })
            .WithOptions(new TaskOptions { MaxRetries = 5, RetryExceptions = ExceptionRetryPolicy.All, RetryBackoff = RetryBackoff.None })
            .Remote();

        await s_started.Task.WaitAsync(TestCluster.Patience);
        loom.Cancel(running);
        await Assert.ThrowsAsync<TaskCancelledException>(async () => await running.Within());

        await TestCluster.WaitUntilAsync(() => loom.GetStatus().Tasks.Running == 0);
        Assert.Equal(1, Volatile.Read(ref s_ran));
    }

    [Fact]
    public async Task Recursive_cancellation_reaches_the_tasks_a_task_submitted()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var parent = loom.Task(static async () =>
        {
            var child = LoomContext.Current.Cluster.Task(static async () => { await s_gate.Task; return 5; }).Remote();
            s_children.SetResult(child);
            return await child;
        }).Remote();
        var child = await s_children.Task.WaitAsync(TestCluster.Patience);

        Assert.True(loom.Cancel(parent, recursive: true));

        await Assert.ThrowsAsync<TaskCancelledException>(async () => await parent.Within());
        await Assert.ThrowsAsync<TaskCancelledException>(async () => await child.Within());
        s_gate.SetResult();
    }

    [Fact]
    public async Task Cancelling_a_finished_task_changes_nothing()
    {
        await using var loom = await TestCluster.StartAsync();
        var done = loom.Task(static () => 9).Remote();
        Assert.Equal(9, await done.Within());

        Assert.False(loom.Cancel(done));
        Assert.Equal(9, await done.Within());
    }

    [Fact]
    public async Task Force_cancelling_a_task_of_this_process_is_refused_with_the_reason()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var running = loom.Task(static async () => { await s_gate.Task; return 1; }).Remote();

        var error = Assert.Throws<NotSupportedException>(() => loom.Cancel(running, force: true));
        Assert.Contains("isolated", error.Message, StringComparison.Ordinal);
        s_gate.SetResult();
        Assert.Equal(1, await running.Within());
    }

    [Fact]
    public async Task A_queued_actor_call_can_be_cancelled()
    {
        await using var loom = await TestCluster.StartAsync();
        Reset();
        var actor = loom.Actor(() => new Gated()).Remote();
        var first = actor.Call(a => a.WaitAsync());
        var second = actor.Call(a => a.Count());

        Assert.True(loom.Cancel(second));
        s_gate.SetResult();

        Assert.Equal(1, await first.Within());
        await Assert.ThrowsAsync<TaskCancelledException>(async () => await second.Within());
        Assert.Equal(1, await actor.Call(a => a.Count()).Within());
    }

    private static TaskCompletionSource<ObjectRef<int>> s_children = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Reset()
    {
        s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_sawCancellation = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_children = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref s_ran, 0);
    }

    public sealed class Gated
    {
        private int _calls;

        public async Task<int> WaitAsync()
        {
            await s_gate.Task;
            return ++_calls;
        }

        public int Count() => _calls;
    }
}
