namespace Loom.Worker;

/// <summary>How many tasks are in each phase; lock-free counters read by the status summary.</summary>
internal sealed class TaskCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<TaskPhase>().Length];
    private TaskCompletionSource? _idle;

    public void Enter(TaskPhase phase) => Interlocked.Increment(ref _counts[(int)phase]);

    public void Leave(TaskPhase phase)
    {
        if (Interlocked.Decrement(ref _counts[(int)phase]) == 0 && phase == TaskPhase.Running)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    public long this[TaskPhase phase] => Volatile.Read(ref _counts[(int)phase]);

    /// <summary>Completes when no task is running (checked again after the waiter is registered).</summary>
    public Task WhenNoneRunning()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);
        if (this[TaskPhase.Running] == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }
}
