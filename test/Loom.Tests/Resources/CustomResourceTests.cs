using Loom.Tests.Support;

namespace Loom.Tests.Resources;

public sealed class CustomResourceTests
{
    private static Rendezvous rendezvous = new(1);

    private static async Task<int> UseSlot(int i)
    {
        try
        {
            await rendezvous.EnterAsync();
            await Task.Yield();
            return i;
        }
        finally
        {
            rendezvous.Leave();
        }
    }

    [Fact]
    public async Task A_custom_resource_limits_how_many_tasks_run_at_once()
    {
        rendezvous = new Rendezvous(2);
        await using var loom = await TestCluster.StartAsync(cpus: 2, configure: o => o with
        {
            CustomResources = new Dictionary<string, double> { ["slot"] = 2 },
        });
        var task = loom.Task<int, int>(UseSlot).WithCpus(0).WithResource("slot", 1);

        var values = await loom.GetAsync(Enumerable.Range(0, 60).Select(i => task.Remote(i)), TestCluster.Patience);

        Assert.Equal(Enumerable.Range(0, 60), values);
        Assert.Equal(2, rendezvous.Peak);
    }

    [Fact]
    public async Task Memory_reservations_limit_how_many_tasks_run_at_once()
    {
        rendezvous = new Rendezvous(3);
        await using var loom = await TestCluster.StartAsync(cpus: 8, configure: o => o with { MemoryBytes = 300 });
        var task = loom.Task<int, int>(UseSlot).WithCpus(0).WithMemory(100);

        await loom.GetAsync(Enumerable.Range(0, 30).Select(i => task.Remote(i)), TestCluster.Patience);

        Assert.Equal(3, rendezvous.Peak);
    }
}
