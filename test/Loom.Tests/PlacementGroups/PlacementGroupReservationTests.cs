using Loom.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Tests.PlacementGroups;

public sealed class PlacementGroupReservationTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task<int> Blocked() => gate.Task;

    private static int Quick() => 1;

    private static void ResetGate() => gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_group_that_does_not_fit_waits_holding_nothing_and_is_created_when_resources_return()
    {
        ResetGate();
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var blocker = loom.Task<int>(Blocked).Remote();
        Assert.Equal(1, Used.Of(loom, "CPU"));

        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }]);

        Assert.Equal(PlacementGroupState.Pending, group.State);
        Assert.Equal(1, Used.Of(loom, "CPU"));

        // The free CPU is not held by the waiting group: other work still runs on it.
        Assert.Equal(1, await loom.Task<int>(Quick).Remote().Within());

        gate.SetResult(7);
        Assert.Equal(7, await blocker.Within());
        await group.ReadyAsync(TestCluster.Patience);

        Assert.Equal(PlacementGroupState.Created, group.State);
        Assert.Equal(2, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task A_group_is_not_blocked_behind_queued_work_of_another_shape()
    {
        ResetGate();
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var blocker = loom.Task<int>(Blocked).Remote();
        var big = loom.Task<int>(Quick).WithCpus(2).Remote();

        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }]);
        await group.ReadyAsync(TestCluster.Patience);

        Assert.Equal(PlacementGroupState.Created, group.State);
        Assert.False(big.IsCompleted);
        await group.RemoveAsync();
        gate.SetResult(1);
        Assert.Equal(1, await big.Within());
        Assert.Equal(1, await blocker.Within());
    }

    [Theory]
    [InlineData(PlacementStrategy.Pack)]
    [InlineData(PlacementStrategy.Spread)]
    [InlineData(PlacementStrategy.StrictPack)]
    public async Task Pack_spread_and_strict_pack_place_every_bundle_on_the_one_node(PlacementStrategy strategy)
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);

        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }], strategy);
        await group.ReadyAsync(TestCluster.Patience);

        Assert.Equal(strategy, group.Strategy);
        Assert.Equal(2, group.Bundles.Count);
        Assert.Equal(2, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Strict_spread_with_one_bundle_is_created()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);

        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], PlacementStrategy.StrictSpread);
        await group.ReadyAsync(TestCluster.Patience);

        Assert.Equal(PlacementGroupState.Created, group.State);
    }

    [Fact]
    public async Task Strict_spread_with_two_bundles_is_infeasible_on_one_node()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 4);

        var error = Assert.Throws<ResourcesInfeasibleException>(() =>
            loom.CreatePlacementGroup([new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }], PlacementStrategy.StrictSpread, name: "spread"));

        Assert.Contains("STRICT_SPREAD", error.Message, StringComparison.Ordinal);
        Assert.Contains("own node", error.Message, StringComparison.Ordinal);
        Assert.Contains("this cluster has 1 node", error.Message, StringComparison.Ordinal);
        Assert.Contains("'spread'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Used.Of(loom, "CPU"));
    }

    [Fact]
    public async Task Bundles_that_together_exceed_the_node_are_infeasible_with_the_request_and_totals()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);

        var error = Assert.Throws<ResourcesInfeasibleException>(() =>
            loom.CreatePlacementGroup([new Bundle { Cpus = 1.5 }, new Bundle { Cpus = 1 }]));

        Assert.Contains("CPU=1.5", error.Request, StringComparison.Ordinal);
        Assert.Contains("CPU=2", error.NodeTotals, StringComparison.Ordinal);
        Assert.Contains("CPU 2.5 > 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fractional_GPU_bundles_that_cannot_be_packed_onto_the_GPUs_are_infeasible()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);

        var error = Assert.Throws<ResourcesInfeasibleException>(() =>
            loom.CreatePlacementGroup([new Bundle { Gpus = 0.6 }, new Bundle { Gpus = 0.6 }, new Bundle { Gpus = 0.6 }]));

        Assert.Contains("packed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_larger_than_the_node_is_infeasible()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1);

        var error = Assert.Throws<ResourcesInfeasibleException>(() => loom.CreatePlacementGroup([new Bundle { Gpus = 2 }]));

        Assert.Contains("GPU 2 > 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_bundle_lists_empty_bundles_and_bad_GPU_counts_are_rejected()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);

        Assert.Contains("no bundles", Assert.Throws<ArgumentException>(() => loom.CreatePlacementGroup([])).Message, StringComparison.Ordinal);
        Assert.Contains("reserves nothing", Assert.Throws<ArgumentException>(() => loom.CreatePlacementGroup([new Bundle()])).Message, StringComparison.Ordinal);
        Assert.Contains("whole number", Assert.Throws<ArgumentException>(() => loom.CreatePlacementGroup([new Bundle { Gpus = 1.5 }])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => loom.CreatePlacementGroup([new Bundle { Cpus = -1 }]));
    }

    [Fact]
    public async Task Ready_with_a_timeout_fails_once_the_clock_passes_it_and_the_group_stays_queued()
    {
        ResetGate();
        var clock = new FakeTimeProvider();
        await using var loom = await TestCluster.StartAsync(cpus: 1, configure: o => o with { TimeProvider = clock });
        var blocker = loom.Task<int>(Blocked).Remote();
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "late");

        var ready = group.ReadyAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(ready.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<PlacementGroupTimeoutException>(() => ready.WaitAsync(TestCluster.Patience));
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.Contains("'late'", error.Message, StringComparison.Ordinal);
        Assert.Equal(PlacementGroupState.Pending, group.State);

        gate.SetResult(1);
        await blocker.Within();
        await group.ReadyAsync().WaitAsync(TestCluster.Patience);
        Assert.Equal(PlacementGroupState.Created, group.State);
    }

    [Fact]
    public async Task Named_groups_are_found_by_name_until_removed()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var group = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], PlacementStrategy.StrictPack, name: "trainers");

        Assert.Same(group, loom.GetPlacementGroup("trainers"));
        Assert.Equal("trainers", group.Name);
        Assert.Contains("already exists", Assert.Throws<ArgumentException>(() => loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "trainers")).Message, StringComparison.Ordinal);

        await group.RemoveAsync();

        Assert.Contains("'trainers'", Assert.Throws<KeyNotFoundException>(() => loom.GetPlacementGroup("trainers")).Message, StringComparison.Ordinal);
        var again = loom.CreatePlacementGroup([new Bundle { Cpus = 1 }], name: "trainers");
        Assert.NotEqual(group.Id, again.Id);
        Assert.Same(again, loom.GetPlacementGroup("trainers"));
    }

    [Fact]
    public async Task Unknown_names_are_not_found()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2);

        Assert.Throws<KeyNotFoundException>(() => loom.GetPlacementGroup("nobody"));
    }
}
