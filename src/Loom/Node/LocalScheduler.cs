namespace Loom.Node;

/// <summary>
/// The node's scheduler: grants resources to work in arrival order within each resource shape, so a
/// request that does not fit yet (a 2-GPU task) never blocks work of another shape (1-CPU tasks).
/// Among shapes, the oldest waiting work that fits goes first. Tasks that wait on other tasks lend
/// their CPUs back and take them again, ahead of new work, when they resume.
/// </summary>
internal sealed class LocalScheduler
{
    private readonly Lock _gate = new();
    private readonly ResourcePool _pool;
    private readonly Dictionary<ResourceShape, Queue<ScheduledWork>> _queues = [];
    private readonly List<Queue<ScheduledWork>> _waiting = [];
    private readonly Queue<(ResourceAllocation Allocation, TaskCompletionSource Resumed)> _resumptions = new();
    private long _sequence;
    private int _queued;
    private string? _stopReason;

    public LocalScheduler(ResourcePool pool)
    {
        _pool = pool;
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

    /// <summary>Grants the work its resources (true) or queues it behind its shape (false). Called under the lock.</summary>
    private bool TryGrantOrQueue(ScheduledWork work)
    {
        work.Sequence = ++_sequence;
        if (!_queues.TryGetValue(work.Shape, out var queue))
        {
            queue = new Queue<ScheduledWork>();
            _queues.Add(work.Shape, queue);
        }

        if (queue.Count > 0 || !_pool.TryAcquire(work.Shape, out var allocation))
        {
            if (queue.Count == 0)
            {
                _waiting.Add(queue);
            }

            queue.Enqueue(work);
            _queued++;
            return false;
        }

        work.Allocation = allocation;
        return true;
    }

    /// <summary>Returns finished work's resources and starts whatever now fits.</summary>
    public void Release(ResourceAllocation allocation)
    {
        if (ReferenceEquals(allocation, ResourceAllocation.None))
        {
            return;
        }

        List<ScheduledWork>? ready;
        List<TaskCompletionSource>? resumed;
        lock (_gate)
        {
            _pool.Release(allocation);
            (ready, resumed) = Drain();
        }

        Start(ready, resumed);
    }

    /// <summary>Lends a waiting task's CPUs to other work (from its first concurrent wait on).</summary>
    public void Lend(ResourceAllocation allocation)
    {
        if (allocation.Shape.Cpu == 0)
        {
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
        lock (_gate)
        {
            _stopReason = reason;
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
        }

        foreach (var work in aborted)
        {
            work.Abort(reason);
        }

        foreach (var resumption in resumptions)
        {
            resumption.TrySetResult();
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
                if (!_pool.TryAcquire(queue.Peek().Shape, out var allocation))
                {
                    continue;
                }

                var work = queue.Dequeue();
                _queued--;
                work.Allocation = allocation;
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
