using Loom.Tests.Support;

namespace Loom.Tests.Resources;

public sealed class GpuSchedulingTests
{
    private static Rendezvous rendezvous = new(1);
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<int[]> HoldGpu()
    {
        var ids = LoomContext.Current.GpuIds.ToArray();
        try
        {
            await rendezvous.EnterAsync();
            await Task.Yield();
            return ids;
        }
        finally
        {
            rendezvous.Leave();
        }
    }

    private static async Task<int> WaitForGate() => await gate.Task;

    [Fact]
    public async Task Concurrent_GPU_holders_never_exceed_the_GPU_count_and_reach_it()
    {
        const int Gpus = 4;
        rendezvous = new Rendezvous(Gpus);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: Gpus);
        var task = loom.Task<int[]>(HoldGpu).WithCpus(0).WithGpus(1);

        var refs = Enumerable.Range(0, 200).Select(_ => task.Remote()).ToList();
        var ids = await loom.GetAsync(refs, TestCluster.Patience);

        Assert.Equal(Gpus, rendezvous.Peak);
        Assert.Equal(200, rendezvous.Entered);
        Assert.All(ids, i => Assert.InRange(Assert.Single(i), 0, Gpus - 1));
    }

    [Fact]
    public async Task Whole_GPUs_running_at_once_get_distinct_ids()
    {
        rendezvous = new Rendezvous(4);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 4);
        var task = loom.Task<int[]>(HoldGpu).WithCpus(0).WithGpus(1);

        var ids = await loom.GetAsync(Enumerable.Range(0, 4).Select(_ => task.Remote()), TestCluster.Patience);

        Assert.Equal(new[] { 0, 1, 2, 3 }, ids.Select(Assert.Single).Order());
    }

    [Fact]
    public async Task A_two_GPU_task_gets_two_distinct_ids()
    {
        rendezvous = new Rendezvous(1);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 4);

        var ids = await loom.Task<int[]>(HoldGpu).WithGpus(2).Remote().Within();

        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 0, 3));
    }

    [Fact]
    public async Task Two_half_GPU_tasks_running_at_once_share_one_GPU_id()
    {
        rendezvous = new Rendezvous(2);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);
        var task = loom.Task<int[]>(HoldGpu).WithCpus(0).WithGpus(0.5);

        var ids = await loom.GetAsync([task.Remote(), task.Remote()], TestCluster.Patience);

        Assert.Equal(2, rendezvous.Peak);
        Assert.Equal(Assert.Single(ids[0]), Assert.Single(ids[1]));
    }

    [Fact]
    public async Task A_queued_two_GPU_task_does_not_block_one_CPU_tasks()
    {
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 2);
        var holder = loom.Task<int>(WaitForGate).WithCpus(0).WithGpus(1).Remote();
        var big = loom.Task(() => LoomContext.Current.GpuIds.Count).WithCpus(0).WithGpus(2).Remote();

        var small = Enumerable.Range(0, 50).Select(i => loom.Task((int x) => x + 1).Remote(i)).ToList();
        var values = await loom.GetAsync(small, TestCluster.Patience);

        Assert.Equal(Enumerable.Range(1, 50), values);
        Assert.False(big.IsCompleted);
        Assert.Equal(1, loom.GetStatus().Tasks.Queued);

        gate.SetResult(5);
        Assert.Equal(5, await holder.Within());
        Assert.Equal(2, await big.Within());
    }

    [Fact]
    public async Task A_GPU_request_above_one_that_is_not_whole_is_rejected()
    {
        await using var loom = await TestCluster.StartAsync(cpus: 2, gpus: 4);

        var error = Assert.Throws<ArgumentException>(() => loom.Task(() => 1).WithGpus(1.5));

        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("whole number", error.Message, StringComparison.Ordinal);
    }
}
