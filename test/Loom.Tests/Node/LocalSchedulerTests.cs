using Loom.Node;

namespace Loom.Tests.Node;

public sealed class LocalSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static LocalScheduler Scheduler(double cpus = 1, int gpus = 0) =>
        new(new ResourcePool(ResourceShape.ToUnits(cpus), gpus, 1000, new Dictionary<string, double>()));

    private static ResourceShape Shape(double cpus = 0, double gpus = 0) => ResourceShape.From(cpus, gpus, 0, null, "test");

    [Fact]
    public async Task Work_of_one_shape_starts_in_arrival_order_as_resources_free_up()
    {
        var scheduler = Scheduler(cpus: 1);
        var works = Enumerable.Range(0, 4).Select(i => new RecordingWork(Shape(cpus: 1), i)).ToList();
        foreach (var work in works)
        {
            scheduler.Submit(work);
        }

        for (var i = 0; i < works.Count; i++)
        {
            await works[i].Started.WaitAsync(Patience);
            Assert.All(works.Skip(i + 1), later => Assert.False(later.Started.IsCompleted));
            Assert.Equal(works.Count - i - 1, scheduler.QueuedCount);
            scheduler.Release(works[i].Allocation);
        }

        Assert.Equal(ResourceShape.ToUnits(1), scheduler.Pool.FreeCpu);
    }

    [Fact]
    public async Task A_waiting_shape_does_not_block_another_shape_that_fits()
    {
        var scheduler = Scheduler(cpus: 2, gpus: 2);
        var holder = new RecordingWork(Shape(gpus: 1), 0);
        var big = new RecordingWork(Shape(gpus: 2), 1);
        var small = new RecordingWork(Shape(cpus: 1), 2);

        scheduler.Submit(holder);
        await holder.Started.WaitAsync(Patience);
        scheduler.Submit(big);
        scheduler.Submit(small);

        await small.Started.WaitAsync(Patience);
        Assert.False(big.Started.IsCompleted);
        Assert.Equal(1, scheduler.QueuedCount);

        scheduler.Release(holder.Allocation);
        await big.Started.WaitAsync(Patience);
        Assert.Equal(new[] { 0, 1 }, big.Allocation.GpuIds);
    }

    [Fact]
    public async Task Later_work_of_a_queued_shape_waits_behind_it_even_if_it_would_fit()
    {
        var scheduler = Scheduler(cpus: 2);
        var first = new RecordingWork(Shape(cpus: 1), 0);
        var second = new RecordingWork(Shape(cpus: 2), 1);
        var third = new RecordingWork(Shape(cpus: 2), 2);

        scheduler.Submit(first);
        await first.Started.WaitAsync(Patience);
        scheduler.Submit(second);
        scheduler.Submit(third);
        Assert.Equal(2, scheduler.QueuedCount);

        scheduler.Release(first.Allocation);
        await second.Started.WaitAsync(Patience);
        Assert.False(third.Started.IsCompleted);
        scheduler.Release(second.Allocation);
        await third.Started.WaitAsync(Patience);
    }

    [Fact]
    public async Task Lending_a_waiting_tasks_CPU_lets_queued_work_start_and_reclaim_waits_for_it()
    {
        var scheduler = Scheduler(cpus: 1);
        var parent = new RecordingWork(Shape(cpus: 1), 0);
        var child = new RecordingWork(Shape(cpus: 1), 1);
        scheduler.Submit(parent);
        await parent.Started.WaitAsync(Patience);
        scheduler.Submit(child);
        Assert.False(child.Started.IsCompleted);

        scheduler.Lend(parent.Allocation);
        await child.Started.WaitAsync(Patience);
        var reclaim = scheduler.ReclaimAsync(parent.Allocation);
        Assert.False(reclaim.IsCompleted);

        scheduler.Release(child.Allocation);
        await reclaim.WaitAsync(Patience);
        Assert.False(parent.Allocation.CpuLentBack);
        Assert.Equal(0, scheduler.Pool.FreeCpu);
    }

    [Fact]
    public async Task Stop_aborts_queued_work_and_rejects_new_work()
    {
        var scheduler = Scheduler(cpus: 1);
        var running = new RecordingWork(Shape(cpus: 1), 0);
        var queued = new RecordingWork(Shape(cpus: 1), 1);
        scheduler.Submit(running);
        await running.Started.WaitAsync(Patience);
        scheduler.Submit(queued);

        scheduler.Stop("stopping");
        var late = new RecordingWork(Shape(cpus: 0), 2);
        scheduler.Submit(late);

        Assert.Equal("stopping", queued.AbortReason);
        Assert.Equal("stopping", late.AbortReason);
        Assert.False(queued.Started.IsCompleted);
        Assert.Equal(0, scheduler.QueuedCount);
    }

    private sealed class RecordingWork(ResourceShape shape, int index) : ScheduledWork(shape)
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Index { get; } = index;

        public Task Started => _started.Task;

        public string? AbortReason { get; private set; }

        public override void Execute() => _started.TrySetResult();

        public override void Abort(string reason) => AbortReason = reason;
    }
}
