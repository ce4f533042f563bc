using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class NestedTaskTests
{
    private static async Task<int> SumOfSquares(int n)
    {
        var cluster = LoomContext.Current.Cluster;
        var square = cluster.Task((int x) => x * x);
        var children = Enumerable.Range(1, n).Select(i => square.Remote(i)).ToList();
        var values = await cluster.GetAsync(children);
        return values.Sum();
    }

    /// <summary>A tree: each level submits two children and awaits them; leaves return 1.</summary>
    private static async Task<int> CountLeaves(int depth)
    {
        if (depth == 0)
        {
            return 1;
        }

        var cluster = LoomContext.Current.Cluster;
        var recurse = cluster.Task<int, int>(CountLeaves);
        var left = recurse.Remote(depth - 1);
        var right = recurse.Remote(depth - 1);
        return await left + await right;
    }

    [Fact]
    public async Task Parent_awaiting_its_children_on_a_single_CPU_does_not_deadlock()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 1);

        var total = await loom.Task<int, int>(SumOfSquares).Remote(10).Within();

        Assert.Equal(Enumerable.Range(1, 10).Sum(i => i * i), total);
    }

    [Fact]
    public async Task Several_levels_of_nested_tasks_complete_on_a_single_CPU()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 1);

        var leaves = await loom.Task<int, int>(CountLeaves).Remote(5).Within();

        Assert.Equal(32, leaves);
    }

    [Fact]
    public async Task Many_parents_each_with_children_complete_on_a_single_CPU()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 1);

        var parents = Enumerable.Range(1, 20).Select(n => loom.Task<int, int>(SumOfSquares).Remote(n)).ToList();
        var totals = await loom.GetAsync(parents, TestCluster.Patience);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => Enumerable.Range(1, n).Sum(i => i * i)), totals);
    }
}
