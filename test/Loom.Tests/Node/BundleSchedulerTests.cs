using Loom.Node;

namespace Loom.Tests.Node;

public sealed class BundleSchedulerTests
{
    private static ResourceShape Cpus(double cpus) => ResourceShape.From(cpus, 0, 0, null, "test");

    [Fact]
    public async Task A_stopped_scheduler_reports_idle_once_its_last_allocation_comes_back()
    {
        var idle = 0;
        var scheduler = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(1), 0, 0, new Dictionary<string, double>()), () => Interlocked.Increment(ref idle));
        var running = new Work(Cpus(1));
        var queued = new Work(Cpus(1));
        scheduler.Submit(running);
        scheduler.Submit(queued);
        await running.Started.WaitAsync(TimeSpan.FromSeconds(60));

        scheduler.Stop("bundle removed");

        Assert.Equal("bundle removed", queued.AbortReason);
        Assert.Equal(0, idle);
        scheduler.Release(running.Allocation);
        Assert.Equal(1, idle);
    }

    [Fact]
    public void A_stopped_scheduler_with_nothing_granted_reports_idle_at_once()
    {
        var idle = 0;
        var scheduler = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(1), 0, 0, new Dictionary<string, double>()), () => idle++);

        scheduler.Stop("removed");
        scheduler.Stop("again");

        Assert.Equal(1, idle);
    }

    [Fact]
    public async Task Allocations_go_back_to_the_scheduler_that_granted_them()
    {
        var node = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(4), 0, 0, new Dictionary<string, double>()));
        var bundle = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(1), 0, 0, new Dictionary<string, double>()));
        var work = new Work(Cpus(1));
        bundle.Submit(work);
        await work.Started.WaitAsync(TimeSpan.FromSeconds(60));

        node.Release(work.Allocation);

        Assert.Equal(ResourceShape.ToUnits(4), node.Pool.FreeCpu);
        Assert.Equal(ResourceShape.ToUnits(1), bundle.Pool.FreeCpu);
    }

    [Fact]
    public async Task Try_submit_now_starts_only_work_that_fits_at_once()
    {
        var scheduler = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(1), 0, 0, new Dictionary<string, double>()));
        var first = new Work(Cpus(1));

        Assert.True(scheduler.TrySubmitNow(first));
        await first.Started.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(scheduler.TrySubmitNow(new Work(Cpus(1))));
        Assert.Equal(0, scheduler.QueuedCount);
        scheduler.Stop("stopped");
        Assert.False(scheduler.TrySubmitNow(new Work(Cpus(0.5))));
    }

    private sealed class Work(ResourceShape shape) : ScheduledWork(shape)
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public string? AbortReason { get; private set; }

        public override void Execute() => _started.TrySetResult();

        public override void Abort(string reason) => AbortReason = reason;
    }
}
