namespace Loom.Node;

/// <summary>
/// The node's scheduler: grants resources to work in arrival order within each resource shape, so a
/// request that does not fit yet (a 2-GPU task) never blocks work of another shape (1-CPU tasks).
/// Among shapes, the oldest waiting work that fits goes first. Tasks that wait on other tasks lend
/// their CPUs back and take them again, ahead of new work, when they resume.
/// </summary>
internal sealed class LocalScheduler : Scheduling.IWorkPlacement
{
    private readonly Lock _gate = new();
    private readonly ResourcePool _pool;
    private readonly Dictionary<object, Queue<ScheduledWork>> _queues = [];
    private readonly List<Queue<ScheduledWork>> _waiting = [];
    private readonly Queue<(ResourceAllocation Allocation, TaskCompletionSource Resumed)> _resumptions = new();
    private long _sequence;
    private int _queued;
    private string? _stopReason;
    private readonly Action? _whenStoppedAndIdle;
    private int _granted;
    private bool _idleSignalled;

    /// <param name="pool">The resources it hands out.</param>
    /// <param name="whenStoppedAndIdle">Called once, after <see cref="Stop"/>, when no allocation it granted is held any more.</param>
    public LocalScheduler(ResourcePool pool, Action? whenStoppedAndIdle = null)
    {
        _pool = pool;
        _whenStoppedAndIdle = whenStoppedAndIdle;
    }

    public ResourcePool Pool => _pool;

    public int QueuedCount => Volatile.Read(ref _queued);

    /// <summary>Queues the work, or starts it at once when its shape has no queue and it fits.</summary>
    public void Submit(ScheduledWork work)
    {
        string? stopped;
        var granted = false;
        lock (_gate)
        {
            stopped = _stopReason;
            if (stopped is null)
            {
                granted = TryGrantOrQueue(work);
            }
        }

        if (stopped is not null)
        {
            work.Abort(stopped);
        }
        else if (granted)
        {
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        }
    }

    /// <summary>Starts the work at once if it fits and its queue is empty; otherwise leaves it (false).</summary>
    public bool TrySubmitNow(ScheduledWork work)
    {
        lock (_gate)
        {
            if (_stopReason is not null
                || (_queues.TryGetValue(work.QueueKey, out var queue) && queue.Count > 0)
                || !work.TryAcquire(_pool, out var allocation))
            {
                return false;
            }

            work.Sequence = ++_sequence;
            work.Allocation = Own(allocation);
        }

        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        return true;
    }

    /// <summary>Grants whatever queued work now fits (after work left a queue without a release).</summary>
    public void Poke()
    {
        List<ScheduledWork>? ready;
        List<TaskCompletionSource>? resumed;
        lock (_gate)
        {
            (ready, resumed) = Drain();
        }

        Start(ready, resumed);
    }

    /// <summary>Grants the work its resources (true) or queues it behind its shape (false). Called under the lock.</summary>
    private bool TryGrantOrQueue(ScheduledWork work)
    {
        work.Sequence = ++_sequence;
        if (!_queues.TryGetValue(work.QueueKey, out var queue))
        {
            queue = new Queue<ScheduledWork>();
            _queues.Add(work.QueueKey, queue);
        }

        if (queue.Count > 0 || !work.TryAcquire(_pool, out var allocation))
        {
            if (queue.Count == 0)
            {
                _waiting.Add(queue);
            }

            queue.Enqueue(work);
            _queued++;
            return false;
        }

        work.Allocation = Own(allocation);
        return true;
    }

    /// <summary>Marks an allocation as granted here, so it comes back here. Called under the lock.</summary>
    private ResourceAllocation Own(ResourceAllocation allocation)
    {
        if (!ReferenceEquals(allocation, ResourceAllocation.None))
        {
            allocation.Scheduler = this;
            _granted++;
        }

        return allocation;
    }

    /// <summary>Whether the stopped scheduler just became idle (report it once). Called under the lock.</summary>
    private bool BecameIdle()
    {
        if (_stopReason is null || _granted > 0 || _idleSignalled || _whenStoppedAndIdle is null)
        {
            return false;
        }

        _idleSignalled = true;
        return true;
    }

    /// <summary>Returns finished work's resources and starts whatever now fits.</summary>
    public void Release(ResourceAllocation allocation)
    {
        if (ReferenceEquals(allocation, ResourceAllocation.None))
        {
            return;
        }

        if (allocation.Scheduler is { } owner && owner != this)
        {
            owner.Release(allocation);
            return;
        }

        List<ScheduledWork>? ready;
        List<TaskCompletionSource>? resumed;
        bool idle;
        lock (_gate)
        {
            _pool.Release(allocation);
            if (allocation.Scheduler == this)
            {
                allocation.Scheduler = null;
                _granted--;
            }

            (ready, resumed) = Drain();
            idle = BecameIdle();
        }

        Start(ready, resumed);
        if (idle)
        {
            _whenStoppedAndIdle!();
        }
    }

    /// <summary>Lends a waiting task's CPUs to other work (from its first concurrent wait on).</summary>
    public void Lend(ResourceAllocation allocation)
    {
        if (allocation.Shape.Cpu == 0)
        {
            return;
        }

        if (allocation.Scheduler is { } owner && owner != this)
        {
            owner.Lend(allocation);
            return;
        }

        List<ScheduledWork>? ready;
        List<TaskCompletionSource>? resumed;
        lock (_gate)
        {
            if (allocation.Waits++ > 0 || allocation.CpuLentBack)
            {
                return;
            }

            _pool.LendCpu(allocation);
            (ready, resumed) = Drain();
        }

        Start(ready, resumed);
    }

    /// <summary>Takes a resumed task's CPUs back once its last wait ends; completes when they are granted.</summary>
    public Task ReclaimAsync(ResourceAllocation allocation)
    {
        if (allocation.Shape.Cpu == 0)
        {
            return Task.CompletedTask;
        }

        if (allocation.Scheduler is { } owner && owner != this)
        {
            return owner.ReclaimAsync(allocation);
        }

        lock (_gate)
        {
            if (--allocation.Waits > 0 || !allocation.CpuLentBack)
            {
                return Task.CompletedTask;
            }

            if (_resumptions.Count == 0 && _pool.TryReclaimCpu(allocation))
            {
                return Task.CompletedTask;
            }

            var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _resumptions.Enqueue((allocation, resumed));
            return resumed.Task;
        }
    }

    /// <summary>Stops granting resources and ends all queued work with <paramref name="reason"/>.</summary>
    public void Stop(string reason)
    {
        List<ScheduledWork> aborted = [];
        List<TaskCompletionSource> resumptions = [];
        bool idle;
        lock (_gate)
        {
            _stopReason ??= reason;
            foreach (var queue in _waiting)
            {
                aborted.AddRange(queue);
                queue.Clear();
            }

            _waiting.Clear();
            _queued = 0;
            while (_resumptions.TryDequeue(out var resumption))
            {
                resumptions.Add(resumption.Resumed);
            }

            idle = BecameIdle();
        }

        foreach (var work in aborted)
        {
            work.Abort(reason);
        }

        foreach (var resumption in resumptions)
        {
            resumption.TrySetResult();
        }

        if (idle)
        {
            _whenStoppedAndIdle!();
        }
    }

    private (List<ScheduledWork>? Ready, List<TaskCompletionSource>? Resumed) Drain()
    {
        List<TaskCompletionSource>? resumed = null;
        while (_resumptions.TryPeek(out var resumption) && _pool.TryReclaimCpu(resumption.Allocation))
        {
            _resumptions.Dequeue();
            (resumed ??= []).Add(resumption.Resumed);
        }

        List<ScheduledWork>? ready = null;
        var progress = true;
        while (progress && _waiting.Count > 0)
        {
            progress = false;
            if (_waiting.Count > 1)
            {
                _waiting.Sort(static (a, b) => a.Peek().Sequence.CompareTo(b.Peek().Sequence));
            }

            foreach (var queue in _waiting)
            {
                if (!queue.Peek().TryAcquire(_pool, out var allocation))
                {
                    continue;
                }

                var work = queue.Dequeue();
                _queued--;
                work.Allocation = Own(allocation);
                (ready ??= []).Add(work);
                if (queue.Count == 0)
                {
                    _waiting.Remove(queue);
                }

                progress = true;
                break;
            }
        }

        return (ready, resumed);
    }

    private static void Start(List<ScheduledWork>? ready, List<TaskCompletionSource>? resumed)
    {
        if (resumed is not null)
        {
            foreach (var resumption in resumed)
            {
                resumption.TrySetResult();
            }
        }

        if (ready is not null)
        {
            foreach (var work in ready)
            {
                ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
            }
        }
    }
}
