namespace Loom.Tests;

public sealed class SmokeTests
{
    private static int Square(int x) => x * x;

    private static int Add(int a, int b) => a + b;

    [Fact]
    public async Task Chain_of_tasks_passes_refs()
    {
        await using var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions { NumCpus = 2, NumGpus = 0 });
        var a = loom.Task<int, int>(Square).Remote(3);
        var b = loom.Task((int x, int y) => Add(x, y)).Remote(a, 4);
        Assert.Equal(13, await b);
    }
}
