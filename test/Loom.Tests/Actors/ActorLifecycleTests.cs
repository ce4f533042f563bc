using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class ActorLifecycleTests
{
    private static TaskCompletionSource<int>? gpuTaskStarted;

    private static int[] GpuTask()
    {
        gpuTaskStarted?.TrySetResult(1);
        return [.. LoomContext.Current.GpuIds];
    }

    [Fact]
    public async Task Calls_after_KillAsync_fail_with_ActorDiedException()
    {
        await using var loom = await TestCluster.StartAsync();
        var counter = loom.Actor(() => new Counter(3)).WithName("doomed").Remote();
        Assert.Equal(3, await counter.Call(c => c.Get()).Within());

        await counter.KillAsync();
        var call = counter.Call(c => c.Increment(1));

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await call.Within());
        Assert.Equal("doomed", error.ActorName);
        Assert.Contains("killed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_in_a_method_fails_that_call_and_the_actor_keeps_serving()
    {
        await using var loom = await TestCluster.StartAsync();
        var counter = loom.Actor(() => new Counter(0)).Remote();

        var good = counter.Call(c => c.FailIfNegative(5));
        var bad = counter.Call(c => c.FailIfNegative(-1));
        var after = counter.Call(c => c.FailIfNegative(2));

        Assert.Equal(5, await good.Within());
        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await bad.Within());
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, error.RemoteExceptionType);
        Assert.Contains("negative input", error.RemoteMessage, StringComparison.Ordinal);
        Assert.Equal(7, await after.Within());
    }

    [Fact]
    public async Task A_constructor_exception_fails_every_call_with_ActorDiedException_carrying_the_cause()
    {
        await using var loom = await TestCluster.StartAsync();
        var broken = loom.Actor(() => new Broken("no config")).Remote();

        var first = broken.Call(b => b.Get());
        var second = broken.Call(b => b.Get());

        foreach (var call in new[] { first, second })
        {
            var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await call.Within());
            var cause = Assert.IsType<TaskFailedException>(error.InnerException);
            Assert.Equal(typeof(InvalidOperationException).FullName, cause.RemoteExceptionType);
            Assert.Equal("no config", cause.RemoteMessage);
        }

        var late = broken.Call(b => b.Get());
        await Assert.ThrowsAsync<ActorDiedException>(async () => await late.Within());
    }

    [Fact]
    public async Task An_actor_holds_its_GPU_for_its_lifetime_and_releases_it_when_killed()
    {
        gpuTaskStarted = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1);
        var actor = loom.Actor(() => new Counter(0)).WithGpus(1).Remote();
        Assert.Equal(new[] { 0 }, await actor.Call(c => c.Gpus()).Within());

        var gpuTask = loom.Task<int[]>(GpuTask).WithGpus(1).Remote();

        var status = loom.GetStatus();
        Assert.Equal(1, status.Tasks.Queued);
        Assert.Equal(1.0, status.Resources.Single(r => r.Name == "GPU").Used);
        Assert.False(gpuTaskStarted.Task.IsCompleted);
        Assert.False(gpuTask.IsCompleted);

        await actor.KillAsync();

        Assert.Equal(new[] { 0 }, await gpuTask.Within());
    }

    [Fact]
    public async Task An_actor_holds_no_CPU_by_default_and_its_requested_CPUs_while_alive()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var light = loom.Actor(() => new Counter(0)).Remote();
        await light.Call(c => c.Get()).Within();
        Assert.Equal(0.0, loom.GetStatus().Resources.Single(r => r.Name == "CPU").Used);

        var heavy = loom.Actor(() => new Counter(0)).WithCpus(2).Remote();
        await heavy.Call(c => c.Get()).Within();
        Assert.Equal(2.0, loom.GetStatus().Resources.Single(r => r.Name == "CPU").Used);

        await heavy.KillAsync();
        Assert.Equal(0.0, loom.GetStatus().Resources.Single(r => r.Name == "CPU").Used);
    }
}
