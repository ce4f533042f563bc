using Loom.Tests.Support;

namespace Loom.Tests.Resources;

public sealed class InfeasibleRequestTests
{
    private static LocalClusterOptions Sized(LocalClusterOptions o) => o with
    {
        MemoryBytes = 1000,
        CustomResources = new Dictionary<string, double> { ["fpga"] = 1 },
    };

    [Fact]
    public async Task Too_many_CPUs_throws_at_Remote_with_request_and_totals()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var error = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task(() => 1).WithName("big").WithCpus(3).Remote());

        Assert.Contains("Task 'big'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CPU=3", error.Request, StringComparison.Ordinal);
        Assert.Contains("CPU=2", error.NodeTotals, StringComparison.Ordinal);
        Assert.Contains(error.Request, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.NodeTotals, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, loom.GetStatus().Tasks.Queued);
    }

    [Fact]
    public async Task Too_many_GPUs_throws_at_Remote()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var error = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task(() => 1).WithGpus(2).Remote());

        Assert.Contains("GPU=2", error.Request, StringComparison.Ordinal);
        Assert.Contains("GPU=1", error.NodeTotals, StringComparison.Ordinal);
        Assert.Contains("GPU 2 > 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_or_too_much_custom_resource_throws_at_Remote()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var tooMuch = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task(() => 1).WithResource("fpga", 2).Remote());
        var unknown = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task(() => 1).WithResource("tpu", 1).Remote());

        Assert.Contains("fpga=2", tooMuch.Request, StringComparison.Ordinal);
        Assert.Contains("fpga=1", tooMuch.NodeTotals, StringComparison.Ordinal);
        Assert.Contains("tpu 1 > 0", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_much_memory_throws_at_Remote()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var error = Assert.Throws<ResourcesInfeasibleException>(() => loom.Task(() => 1).WithMemory(2000).Remote());

        Assert.Contains("memory=2000 B", error.Request, StringComparison.Ordinal);
        Assert.Contains("memory=1000 B", error.NodeTotals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_infeasible_actor_throws_at_Remote()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var error = Assert.Throws<ResourcesInfeasibleException>(() => loom.Actor(() => new Actors.Counter(0)).WithGpus(3).Remote());

        Assert.Contains("Actor 'Counter'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, loom.GetStatus().Actors.Pending);
    }

    [Fact]
    public async Task A_feasible_request_at_exactly_the_totals_runs()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1, configure: Sized);

        var all = loom.Task(() => LoomContext.Current.MemoryBytes).WithCpus(2).WithGpus(1).WithMemory(1000).WithResource("fpga", 1).Remote();

        Assert.Equal(1000, await all.Within());
    }
}
