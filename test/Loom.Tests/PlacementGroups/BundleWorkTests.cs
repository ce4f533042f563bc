using Loom.Tests.Actors;
using Loom.Tests.Support;

namespace Loom.Tests.PlacementGroups;

public sealed class BundleWorkTests
{
    private static Rendezvous rendezvous = new(1);
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int[] GpuIds() => [.. LoomContext.Current.GpuIds];

    private static Task<int> Blocked() => gate.Task;

    private static int Quick() => 1;

    private static async Task<int> Meet()
    {
        try
        {
            await rendezvous.EnterAsync();
            await Task.Yield();
            return 1;
        }
        finally
        {
            rendezvous.Leave();
        }
    }

    private static void ResetGate() => gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Tasks_in_a_bundle_see_the_bundles_GPU_ids()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 4);
        var holder = loom.Actor(() => new Counter(0)).WithGpus(1).Remote();
        Assert.Equal([0], await holder.Call(c => c.Gpus()).Within());

        var group = loom.CreatePlacementGroup([new Bundle { Gpus = 2 }, new Bundle { Gpus = 1 }]);
        await group.ReadyAsync(TestCluster.Patience);

        var both = await loom.Task<int[]>(GpuIds).WithCpus(0).WithGpus(2).WithPlacementGroup(group, 0).Remote().Within();
        var one = await loom.Task<int[]>(GpuIds).WithCpus(0).WithGpus(1).WithPlacementGroup(group, 1).Remote().Within();

        Assert.Equal([1, 2], both.Order());
        Assert.Equal([3], one);
    }

    [Fact]
    public async Task A_fractional_GPU_bundle_shares_its_one_GPU_id_with_its_tasks()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Gpus = 0.5 }]);
        await group.ReadyAsync(TestCluster.Patience);

        var ids = await loom.Task<int[]>(GpuIds).WithCpus(0).WithGpus(0.25).WithPlacementGroup(group, 0).Remote().Within();

        Assert.InRange(Assert.Single(ids), 0, 1);
        Assert.Throws<ResourcesInfeasibleException>(() => loom.Task<int[]>(GpuIds).WithCpus(0).WithGpus(1).WithPlacementGroup(group, 0).Remote());
    }

    [Fact]
    public async Task The_bundles_capacity_limits_how_many_of_its_tasks_run_at_once()
    {
        rendezvous = new Rendezvous(2);
        await using var loom = await TestCluster.StartAsync(cpus: 4);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 2 }]);
        var task = loom.Task<int>(Meet).WithPlacementGroup(group, 0);

        var results = await loom.GetAsync(Enumerable.Range(0, 20).Select(_ => task.Remote()), TestCluster.Patience);

        Assert.Equal(20, results.Sum());
        Assert.Equal(2, rendezvous.Peak);
    }

    [Fact]
    public async Task Bundle_index_minus_one_uses_any_bundle()
    {
        rendezvous = new Rendezvous(2);
        await using var loom = await TestCluster.StartAsync(cpus: 4);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }]);
        await group.ReadyAsync(TestCluster.Patience);
        var task = loom.Task<int>(Meet).WithPlacementGroup(group);

        // Two one-CPU tasks can only meet if they run in different bundles.
        var results = await loom.GetAsync([task.Remote(), task.Remote()], TestCluster.Patience);

        Assert.Equal(2, results.Sum());
        Assert.Equal(2, rendezvous.Peak);
    }

    [Fact]
    public async Task Work_submitted_to_a_pending_group_runs_once_it_is_created()
    {
        ResetGate();
        await using var loom = await TestCluster.StartAsync(cpus: 1);
        var blocker = loom.Task<int>(Blocked).Remote();
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }]);

        var inGroup = loom.Task<int>(Quick).WithPlacementGroup(group, 0).Remote();
        var actor = loom.Actor(() => new Counter(5)).WithPlacementGroup(group).Remote();
        var call = actor.Call(c => c.Get());
        Assert.False(inGroup.IsCompleted);
        Assert.False(call.IsCompleted);

        gate.SetResult(1);
        await blocker.Within();
        Assert.Equal(1, await inGroup.Within());
        Assert.Equal(5, await call.Within());
    }

    [Fact]
    public async Task Actors_in_a_bundle_hold_its_resources_and_see_its_GPU_ids()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1, Gpus = 1 }], PlacementStrategy.StrictPack, name: "trainers");
        await group.ReadyAsync(TestCluster.Patience);

        var actor = loom.Actor(() => new Counter(0)).WithCpus(1).WithGpus(1).WithSchedulingStrategy(new PlacementGroupSchedulingStrategy(group, 0)).Remote();
        var ids = await actor.Call(c => c.Gpus()).Within();

        Assert.InRange(Assert.Single(ids), 0, 1);
        Assert.Equal(1, Used.Of(loom, "CPU"));
        Assert.Equal(1, Used.Of(loom, "GPU"));
    }

    [Fact]
    public async Task Work_that_can_never_fit_its_bundle_fails_at_submission()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 4, gpus: 1);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }], name: "small");

        var one = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task<int>(Quick).WithCpus(2).WithPlacementGroup(group, 1).Remote());
        var any = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task<int>(Quick).WithCpus(2).WithPlacementGroup(group).Remote());
        var actor = Assert.Throws<ResourcesInfeasibleException>(() => loom.Actor(() => new Counter(0)).WithGpus(1).WithPlacementGroup(group, 0).Remote());

        Assert.Contains("bundle 1 of placement group 'small'", one.Message, StringComparison.Ordinal);
        Assert.Contains("any bundle", any.Message, StringComparison.Ordinal);
        Assert.Contains("GPU 1 > 0", actor.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_index_out_of_range_fails_at_submission()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }]);
        var task = loom.Task<int>(Quick).WithPlacementGroup(group, 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => task.Remote());

        Assert.Contains("has 1 bundle(s)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => loom.Task<int>(Quick).WithPlacementGroup(group, -2).Remote());
    }

    [Fact]
    public async Task A_group_of_another_cluster_is_rejected()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        await using var other = await TestCluster.StartAsync(cpus: 2);
        var group = other.CreatePlacementGroup([new Bundle { Cpus = 1 }]);

        Assert.Throws<ArgumentException>(() => loom.Task<int>(Quick).WithPlacementGroup(group).Remote());
    }
}
