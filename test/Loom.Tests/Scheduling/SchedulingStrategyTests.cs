using Loom.Tests.Actors;
using Loom.Tests.Support;

namespace Loom.Tests.Scheduling;

public sealed class SchedulingStrategyTests
{
    private static string Node() => LoomContext.Current.NodeId;

    [Fact]
    public async Task Hard_affinity_to_an_unknown_node_fails_at_submission_naming_the_known_node()
    {
        await using var loom = await TestCluster.StartAsync();
        var strategy = new NodeAffinitySchedulingStrategy("elsewhere");

        var task = Assert.Throws<TaskUnschedulableException>(() => loom.Task<string>(Node).WithSchedulingStrategy(strategy).Remote());
        var actor = Assert.Throws<TaskUnschedulableException>(() => loom.Actor(() => new Counter(0)).WithSchedulingStrategy(strategy).Remote());

        Assert.Contains("'elsewhere'", task.Message, StringComparison.Ordinal);
        Assert.Contains("'test-node'", task.Message, StringComparison.Ordinal);
        Assert.Contains("Soft", task.Message, StringComparison.Ordinal);
        Assert.Contains("'test-node'", actor.Message, StringComparison.Ordinal);
        Assert.Equal(0, loom.GetStatus().Actors.Pending + loom.GetStatus().Actors.Alive);
    }

    [Fact]
    public async Task Hard_affinity_to_the_node_runs_there()
    {
        await using var loom = await TestCluster.StartAsync();

        var node = await loom.Task<string>(Node).WithSchedulingStrategy(new NodeAffinitySchedulingStrategy(loom.NodeId)).Remote().Within();

        Assert.Equal("test-node", node);
    }

    [Fact]
    public async Task Soft_affinity_to_an_unknown_node_falls_back()
    {
        await using var loom = await TestCluster.StartAsync();
        var strategy = new NodeAffinitySchedulingStrategy("elsewhere", Soft: true);

        var node = await loom.Task<string>(Node).WithSchedulingStrategy(strategy).Remote().Within();
        var actor = loom.Actor(() => new Counter(2)).WithSchedulingStrategy(strategy).Remote();

        Assert.Equal("test-node", node);
        Assert.Equal(2, await actor.Call(c => c.Get()).Within());
    }

    [Fact]
    public async Task Spread_and_default_run_every_task()
    {
        await using var loom = await TestCluster.StartAsync();
        var spread = loom.Task<string>(Node).WithSchedulingStrategy(new SpreadSchedulingStrategy());
        var byDefault = loom.Task<string>(Node).WithSchedulingStrategy(SchedulingStrategy.Default);

        var nodes = await loom.GetAsync([.. Enumerable.Range(0, 10).Select(_ => spread.Remote()), byDefault.Remote()], TestCluster.Patience);

        Assert.All(nodes, n => Assert.Equal("test-node", n));
        Assert.IsType<SpreadSchedulingStrategy>(spread.Options.SchedulingStrategy);
    }

    [Fact]
    public async Task A_null_strategy_is_rejected()
    {
        await using var loom = await TestCluster.StartAsync();

        Assert.Throws<ArgumentNullException>(() => loom.Task<string>(Node).WithSchedulingStrategy(null!));
        Assert.Throws<ArgumentNullException>(() => loom.Actor(() => new Counter(0)).WithSchedulingStrategy(null!));
    }
}
