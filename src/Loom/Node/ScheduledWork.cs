namespace Loom.Node;

/// <summary>
/// Something the node runs once its resources are granted: a task, or an actor's creation.
/// It is queued by the scheduler and then run on the thread pool with its allocation.
/// </summary>
internal abstract class ScheduledWork : IThreadPoolWorkItem
{
    protected ScheduledWork(ResourceShape shape)
    {
        Shape = shape;
    }

    public ResourceShape Shape { get; }

    /// <summary>The order of arrival at the scheduler, for fairness between queues.</summary>
    public long Sequence { get; set; }

    /// <summary>The resources granted; set just before the work runs.</summary>
    public ResourceAllocation Allocation { get; set; } = ResourceAllocation.None;

    /// <summary>Where the work is submitted once it is ready (a placement-group bundle); null for the node's scheduler.</summary>
    public Scheduling.IWorkPlacement? Placement { get; set; }

    /// <summary>The key of the queue the work waits in: its shape, or another key for work that acquires differently.</summary>
    public virtual object QueueKey => Shape;

    /// <summary>Takes the work's resources from <paramref name="pool"/> if they are free. Called under the scheduler's lock.</summary>
    public virtual bool TryAcquire(ResourcePool pool, out ResourceAllocation allocation) => pool.TryAcquire(Shape, out allocation);

    /// <summary>Runs the work on the current thread; it must release its allocation when done.</summary>
    public abstract void Execute();

    /// <summary>Ends queued work that will never run (the node is stopping).</summary>
    public abstract void Abort(string reason);

    void IThreadPoolWorkItem.Execute() => Execute();
}
