using Loom.Tests.Support;

namespace Loom.Tests.Resources;

public sealed class LoomContextTests
{
    private static string Describe()
    {
        var c = LoomContext.Current;
        return string.Join('|', c.TaskName, c.NodeId, c.Cpus, c.Gpus, string.Join(',', c.GpuIds), c.MemoryBytes, string.Join(',', c.CustomResources.Select(kv => $"{kv.Key}={kv.Value}")), c.ActorId is null);
    }

    private static bool SameCluster() => LoomContext.Current.Cluster is not null && LoomContext.CurrentOrNull is not null;

    [Fact]
    public async Task Context_reports_name_node_and_assigned_resources()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 4, gpus: 2, configure: o => o with
        {
            CustomResources = new Dictionary<string, double> { ["disk"] = 4 },
        });

        var text = await loom.Task<string>(Describe).WithName("probe").WithCpus(1.5).WithGpus(2).WithMemory(64).WithResource("disk", 0.5).Remote().Within();

        Assert.Equal("probe|test-node|1.5|2|0,1|64|disk=0.5|True", text);
    }

    [Fact]
    public async Task Context_of_a_fractional_GPU_task_has_one_shared_id()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 1);

        var text = await loom.Task<string>(Describe).WithName("half").WithGpus(0.25).Remote().Within();

        Assert.Equal("half|test-node|1|0.25|0|0||True", text);
    }

    [Fact]
    public async Task Context_is_null_outside_tasks_and_Current_throws()
    {
        await using var loom = await TestCluster.StartAsync();

        Assert.Null(LoomContext.CurrentOrNull);
        Assert.Throws<InvalidOperationException>(() => LoomContext.Current);
        Assert.True(await loom.Task<bool>(SameCluster).Remote().Within());
    }

    [Fact]
    public async Task Context_in_an_actor_method_reports_the_actor_id_and_distinct_task_ids()
    {
        await using var loom = await TestCluster.StartAsync();
        var probe = loom.Actor(() => new Probe()).Remote();

        var first = await probe.Call(p => p.Ids()).Within();
        var second = await probe.Call(p => p.Ids()).Within();

        Assert.Equal(probe.Id.ToString(), first[0]);
        Assert.Equal("Probe.Ids", first[1]);
        Assert.NotEqual(first[2], second[2]);
    }

    public sealed class Probe
    {
        public string[] Ids()
        {
            var c = LoomContext.Current;
            return [c.ActorId?.ToString() ?? "none", c.TaskName, c.TaskId.ToString()];
        }
    }
}
