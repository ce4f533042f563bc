using Loom.Node;
using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker;

/// <summary>
/// A submitted task: what to run, its arguments, the resources it needs and the entry its result
/// goes to. It waits (holding no resources and no thread) until its ObjectRef arguments are ready,
/// then goes to the scheduler, then runs on the thread pool with its allocation.
/// </summary>
internal sealed class TaskSpec : ScheduledWork, IObjectWaiter, IProducingWork, IObjectProducer
{
    /// <summary>How deep this thread is in failures cascading down a chain of tasks.</summary>
    [ThreadStatic]
    private static int t_cascadeDepth;

    private readonly CancellationSource _cancellation = new();
    private int _unresolved = 1;
    private int _attempt = 1;
    private int _reconstructions;
    private TaskPhase _phase = TaskPhase.WaitingForArguments;
    private List<TaskSpec>? _children;
    private bool _argumentsPinned;

    public TaskSpec(CoreRuntime runtime, TaskId id, TaskTemplate template, TaskArg[] args, ObjectEntry result)
        : base(template.Shape)
    {
        Runtime = runtime;
        Id = id;
        Name = template.Name;
        Body = template.Body;
        Options = template.Options;
        Args = args;
        Result = result;
    }

    public CoreRuntime Runtime { get; }

    public TaskId Id { get; }

    public string Name { get; }

    public TaskBody Body { get; }

    public TaskOptions Options { get; }

    public bool IsCancelled => _cancellation.IsCancelled;

    public TaskArg[] Args { get; }

    public ObjectEntry Result { get; }

    public T Arg<T>(int index) => Runtime.Serializer.Deserialize<T>(Args[index].Resolve());

    /// <summary>
    /// Whether the task can be run again to remake a lost result: it may be retried, and its value
    /// arguments hold no ObjectRefs (those are not kept alive for lineage). ObjectRef arguments are
    /// re-resolved at reconstruction and must still be referenced by someone.
    /// </summary>
    public bool KeepsLineage => Options.MaxRetries != 0 && Args.All(static arg => arg.Value is null || arg.Value.ContainedRefs.Length == 0);

    /// <summary>
    /// Re-runs the task because its result's only copy was lost (lineage reconstruction), within its
    /// retry budget. Its ObjectRef arguments must still exist; if one was itself lost, that one is
    /// reconstructed first (recursively) when this task waits for it.
    /// </summary>
    public bool TryReconstruct(ObjectEntry entry)
    {
        if (IsCancelled || Runtime.IsStopping || (Options.MaxRetries >= 0 && _reconstructions >= Options.MaxRetries))
        {
            return false;
        }

        var taken = 0;
        for (; taken < Args.Length; taken++)
        {
            if (Args[taken].Reference is { } argument && !argument.TryAddReference())
            {
                for (var i = 0; i < taken; i++)
                {
                    Args[i].Reference?.RemoveReference();
                }

                return false;
            }
        }

        _reconstructions++;
        CoreRuntime.Log.TaskReconstructing(Runtime.Logger, Name, Id, entry.Id, _reconstructions);
        Result.AddReference();
        Result.Work = this;
        Allocation = ResourceAllocation.None;
        _unresolved = 1;
        Start();
        return true;
    }

    /// <summary>Registers for pending arguments; goes to the scheduler once all are resolved.</summary>
    public void Start()
    {
        Enter(TaskPhase.WaitingForArguments);
        foreach (var arg in Args)
        {
            if (arg.Reference is { IsCompleted: false } pending)
            {
                Interlocked.Increment(ref _unresolved);
                pending.OnCompleted(this);
            }
        }

        OnObjectCompleted(null!);
    }

    public void OnObjectCompleted(ObjectEntry entry)
    {
        if (Interlocked.Decrement(ref _unresolved) != 0)
        {
            return;
        }

        Runtime.Counters.Leave(TaskPhase.WaitingForArguments);
        _phase = TaskPhase.Resolved;
        if (IsCancelled)
        {
            Finish(null, CancelledError());
            return;
        }

        for (var i = 0; i < Args.Length; i++)
        {
            if (Args[i].Reference is { State: ObjectState.Failed } failed)
            {
                FailOnArgument(i, failed);
                return;
            }
        }

        Enter(TaskPhase.Queued);
        (Placement ?? Runtime.Scheduler).Submit(this);
    }

    /// <summary>
    /// Fails the task because argument <paramref name="index"/> failed. Long chains of dependent tasks
    /// fail one after another; past a small depth the cascade continues on the thread pool so it never
    /// exhausts the stack.
    /// </summary>
    private void FailOnArgument(int index, ObjectEntry failed)
    {
        var cause = failed.Error.Shortened();
        var error = new ErrorInfo(ErrorKind.ArgumentFailed, Name, cause.ExceptionType, $"argument {index} ({failed.Producer}) failed, so the task did not run", null, cause);
        if (t_cascadeDepth >= 32)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Spec.Finish(null, state.Error), (Spec: this, Error: error), preferLocal: false);
            return;
        }

        t_cascadeDepth++;
        try
        {
            Finish(null, error);
        }
        finally
        {
            t_cascadeDepth--;
        }
    }

    /// <summary>
    /// Cancels the task: getters see <see cref="TaskCancelledException"/> at once; a queued task never runs,
    /// a running one sees its context's token cancelled; with <paramref name="recursive"/>, so are the
    /// tasks it submitted. False when the task had already finished or been cancelled.
    /// </summary>
    public bool Cancel(bool recursive)
    {
        if (Result.IsCompleted || !_cancellation.Cancel())
        {
            return false;
        }

        Result.Fail(CancelledError());
        if (recursive)
        {
            TaskSpec[] children;
            lock (_cancellation)
            {
                children = _children?.ToArray() ?? [];
            }

            foreach (var child in children)
            {
                child.Cancel(recursive: true);
            }
        }

        return true;
    }

    /// <summary>Remembers a task submitted from this one, for recursive cancellation.</summary>
    public void AddChild(TaskSpec child)
    {
        lock (_cancellation)
        {
            if (_phase is not (TaskPhase.Succeeded or TaskPhase.Failed))
            {
                (_children ??= []).Add(child);
            }
        }
    }

    public override void Execute()
    {
        Runtime.Counters.Leave(TaskPhase.Queued);
        Enter(TaskPhase.Running);
        if (IsCancelled)
        {
            Finish(null, CancelledError());
            return;
        }

        try
        {
            TaskArg.PinAll(Runtime.Store, Args);
        }
        catch (ObjectLostException) when (Args.Any(static arg => arg.Reference is { IsCompleted: false }))
        {
            // An argument was lost and is being made again from its lineage: wait for it, holding nothing.
            WaitForArgumentsAgain();
            return;
        }
        catch (Exception exception)
        {
            Finish(null, ErrorInfo.FromException(Name, exception), exception);
            return;
        }

        _argumentsPinned = true;
        var previous = LoomContext.Swap(new LoomContext(Runtime, Id, Name, actorId: null, Allocation, lendsCpuWhileWaiting: true, _cancellation, this));
        try
        {
            var run = Runtime.Executors.For(this).RunAsync(this);
            if (run.IsCompletedSuccessfully)
            {
                Finish(run.Result, null);
            }
            else
            {
                _ = FinishAsync(run);
            }
        }
        catch (Exception exception)
        {
            Finish(null, ErrorInfo.FromException(Name, exception), exception);
        }
        finally
        {
            LoomContext.Swap(previous);
        }
    }

    public override void Abort(string reason) =>
        Finish(null, new ErrorInfo(ErrorKind.Shutdown, Name, typeof(OperationCanceledException).FullName!, $"Task '{Name}' did not run: {reason}.", null));

    private async Task FinishAsync(ValueTask<SerializedObject> run)
    {
        SerializedObject value;
        try
        {
            value = await run.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Finish(null, ErrorInfo.FromException(Name, exception), exception);
            return;
        }

        Finish(value, null);
    }

    /// <summary>Gives back the resources of a task whose argument went missing and waits for the argument again.</summary>
    private void WaitForArgumentsAgain()
    {
        var allocation = Allocation;
        Allocation = ResourceAllocation.None;
        Runtime.Scheduler.Release(allocation);
        Runtime.Counters.Leave(_phase);
        _unresolved = 1;
        Start();
    }

    private ErrorInfo CancelledError() =>
        new(ErrorKind.Cancelled, Name, typeof(TaskCancelledException).FullName!, $"Task '{Name}' was cancelled.", null, Attempts: _attempt);

    /// <summary>
    /// Whether a failed attempt is run again: not when cancelled or out of retries; system failures
    /// always, the task's own exceptions only as its <see cref="ExceptionRetryPolicy"/> allows.
    /// </summary>
    private bool ShouldRetry(ErrorInfo error, Exception? exception)
    {
        if (IsCancelled || error.Kind is not (ErrorKind.TaskError or ErrorKind.WorkerCrashed) || (Options.MaxRetries >= 0 && _attempt > Options.MaxRetries) || Runtime.IsStopping)
        {
            return false;
        }

        return error.Kind == ErrorKind.WorkerCrashed || Options.RetryExceptions.Matches(exception, error.ExceptionType);
    }

    /// <summary>Gives the resources back and queues the task again after its backoff.</summary>
    private void Retry(ErrorInfo error)
    {
        CoreRuntime.Log.TaskRetrying(Runtime.Logger, Name, Id, _attempt, error.ExceptionType, error.Message);
        var allocation = Allocation;
        Allocation = ResourceAllocation.None;
        Runtime.Scheduler.Release(allocation);
        Runtime.Counters.Leave(_phase);
        Enter(TaskPhase.Queued);
        var delay = Options.RetryBackoff.DelayBefore(_attempt);
        _attempt++;
        if (delay <= TimeSpan.Zero)
        {
            Runtime.Scheduler.Submit(this);
            return;
        }

        _ = Task.Delay(delay, Runtime.TimeProvider).ContinueWith(
            static (_, state) => { var spec = (TaskSpec)state!; spec.Runtime.Scheduler.Submit(spec); },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Finish(SerializedObject? value, ErrorInfo? error, Exception? exception = null)
    {
        if (IsCancelled)
        {
            // Whatever a cancelled task ended with (a value, or the OperationCanceledException its token
            // caused, possibly before Cancel got to fail the result), its getters see the cancellation.
            value?.ReleaseContainedRefs();
            (value, error) = (null, CancelledError());
        }

        if (error is not null && ShouldRetry(error, exception))
        {
            Retry(error);
            return;
        }

        if (error is { Kind: ErrorKind.TaskError or ErrorKind.WorkerCrashed } && _attempt > 1)
        {
            error = error with { Attempts = _attempt };
        }

        if (value is not null)
        {
            try
            {
                Runtime.Store.Reserve(value.SizeBytes);
            }
            catch (ObjectStoreFullException full)
            {
                value.ReleaseContainedRefs();
                value = null;
                error = new ErrorInfo(ErrorKind.ObjectStoreFull, Name, full.GetType().FullName!, full.Message, null);
            }
        }

        // Return the resources and count the task as finished before its result is published, so
        // whoever sees the result also sees the task finished in the status.
        Runtime.Scheduler.Release(Allocation);
        var running = _phase;
        Enter(value is not null ? TaskPhase.Succeeded : TaskPhase.Failed);
        Runtime.Counters.Leave(running);

        if (value is not null)
        {
            Runtime.Store.CompleteReserved(Result, value);
        }
        else
        {
            CoreRuntime.Log.TaskFailed(Runtime.Logger, Name, Id, error!.ExceptionType, error.Message);
            Result.Fail(error);
        }

        if (_argumentsPinned)
        {
            _argumentsPinned = false;
            TaskArg.UnpinAll(Runtime.Store, Args);
        }

        foreach (var arg in Args)
        {
            arg.Release();
        }

        Result.Work = null;
        Result.RemoveReference();
        lock (_cancellation)
        {
            _children = null;
        }
    }

    private void Enter(TaskPhase phase)
    {
        _phase = phase;
        Runtime.Counters.Enter(phase);
    }
}
