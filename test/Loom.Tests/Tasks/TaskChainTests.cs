using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class TaskChainTests
{
    private static int Square(int x) => x * x;

    private static int Add(int a, int b) => a + b;

    [Fact]
    public async Task Chain_of_tasks_passes_refs()
    {
        await using var loom = await TestCluster.StartAsync();
        var a = loom.Task<int, int>(Square).Remote(3);
        var b = loom.Task((int x, int y) => Add(x, y)).Remote(a, 4);
        Assert.Equal(13, await b.Within());
    }

    [Fact]
    public async Task Long_chain_of_refs_applies_every_step_in_order()
    {
        await using var loom = await TestCluster.StartAsync();
        var step = loom.Task((long x) => (x * 3) + 1);
        var current = loom.Put(1L);
        long expected = 1;
        for (var i = 0; i < 30; i++)
        {
            current = step.Remote(current);
            expected = (expected * 3) + 1;
        }

        Assert.Equal(expected, await current.Within());
    }

    [Fact]
    public async Task Diamond_of_refs_joins_both_branches()
    {
        await using var loom = await TestCluster.StartAsync();
        var root = loom.Task(() => 10).Remote();
        var left = loom.Task((int x) => x + 1).Remote(root);
        var right = loom.Task((int x) => x * 2).Remote(root);
        var join = loom.Task((int l, int r, int x) => (l * 100) + r + x).Remote(left, right, root);
        Assert.Equal((11 * 100) + 20 + 10, await join.Within());
    }
}
