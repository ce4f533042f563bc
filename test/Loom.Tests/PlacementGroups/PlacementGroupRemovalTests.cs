using Loom.Tests.Actors;
using Loom.Tests.Support;

namespace Loom.Tests.PlacementGroups;

public sealed class PlacementGroupRemovalTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<int> Blocked()
    {
        started.TrySetResult();
        return await gate.Task;
    }

    private static int Quick() => 1;

    private static void Reset()
    {
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task Removal_fails_queued_work_lets_running_work_finish_and_returns_resources_when_it_ends()
    {
        Reset();
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "workers");
        await group.ReadyAsync(TestCluster.Patience);
        var running = loom.Task<int>(Blocked).WithPlacementGroup(group, 0).Remote();
        await started.Task.WaitAsync(TestCluster.Patience);
        var queued = loom.Task<int>(Quick).WithPlacementGroup(group, 0).Remote();

        await group.RemoveAsync();

        Assert.Equal(PlacementGroupState.Removed, group.State);
        var error = await Assert.ThrowsAsync<LoomException>(async () => await queued.Within());
        Assert.Contains("placement group 'workers' was removed", error.Message, StringComparison.Ordinal);
        Assert.False(running.IsCompleted);
        Assert.Equal(1, Used.Of(loom, "CPU"));

        gate.SetResult(3);
        Assert.Equal(3, await running.Within());
        Assert.Equal(0, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Removal_kills_the_groups_actors()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "actors");
        await group.ReadyAsync(TestCluster.Patience);
        var actor = loom.Actor(() => new Counter(1)).WithCpus(1).WithPlacementGroup(group, 0).Remote();
        Assert.Equal(1, await actor.Call(c => c.Get()).Within());
        Assert.Equal(1, Used.Of(loom, "CPU"));

        await group.RemoveAsync();

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(c => c.Get()).Within());
        Assert.Contains("placement group 'actors' was removed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Removing_a_pending_group_fails_its_ready_and_its_waiting_work_and_frees_its_queue()
    {
        Reset();
        await using var loom = await TestCluster.StartAsync(cpus: 1);
        var blocker = loom.Task<int>(Blocked).Remote();
        var first = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "first");
        var second = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "second");
        var ready = first.ReadyAsync();
        var waiting = loom.Task<int>(Quick).WithPlacementGroup(first).Remote();
        var actor = loom.Actor(() => new Counter(0)).WithPlacementGroup(first).Remote();

        await first.RemoveAsync();

        var readyError = await Assert.ThrowsAsync<PlacementGroupRemovedException>(() => ready.WaitAsync(TestCluster.Patience));
        Assert.Contains("'first'", readyError.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PlacementGroupRemovedException>(() => first.ReadyAsync());
        Assert.Contains("was removed", (await Assert.ThrowsAsync<LoomException>(async () => await waiting.Within())).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(c => c.Get()).Within());

        gate.SetResult(1);
        await blocker.Within();
        await second.ReadyAsync(TestCluster.Patience);
        Assert.Equal(1, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Submitting_to_a_removed_group_fails_at_submission_and_removal_is_idempotent()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "gone");
        await group.ReadyAsync(TestCluster.Patience);
        var task = loom.Task<int>(Quick).WithPlacementGroup(group, 0);
        Assert.Equal(1, await task.Remote().Within());

        await group.RemoveAsync();
        await group.RemoveAsync();

        Assert.Contains("'gone'", Assert.Throws<PlacementGroupRemovedException>(() => task.Remote()).Message, StringComparison.Ordinal);
        Assert.Throws<PlacementGroupRemovedException>(() => loom.Actor(() => new Counter(0)).WithPlacementGroup(group).Remote());
        Assert.Equal(0, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Stopping_the_cluster_fails_a_pending_groups_ready()
    {
        Reset();
        var loom = await TestCluster.StartAsync(cpus: 1);
        var blocker = loom.Task<int>(Blocked).Remote();
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }]);
        var ready = group.ReadyAsync();
        await started.Task.WaitAsync(TestCluster.Patience);

        var stopping = loom.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<PlacementGroupRemovedException>(() => ready.WaitAsync(TestCluster.Patience));
        gate.SetResult(1);
        await stopping.WaitAsync(TestCluster.Patience);
        Assert.Equal(PlacementGroupState.Removed, group.State);
        GC.KeepAlive(blocker);
    }
}
