using Loom.Node;
using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker;

/// <summary>
/// A submitted task: what to run, its arguments, the resources it needs and the entry its result
/// goes to. It waits (holding no resources and no thread) until its ObjectRef arguments are ready,
/// then goes to the scheduler, then runs on the thread pool with its allocation.
/// </summary>
internal sealed class TaskSpec : ScheduledWork, IObjectWaiter
{
    /// <summary>How deep this thread is in failures cascading down a chain of tasks.</summary>
    [ThreadStatic]
    private static int t_cascadeDepth;

    private int _unresolved = 1;
    private TaskPhase _phase = TaskPhase.WaitingForArguments;
    private bool _argumentsPinned;

    public TaskSpec(CoreRuntime runtime, TaskId id, string name, TaskBody body, TaskArg[] args, ObjectEntry result, ResourceShape shape)
        : base(shape)
    {
        Runtime = runtime;
        Id = id;
        Name = name;
        Body = body;
        Args = args;
        Result = result;
    }

    public CoreRuntime Runtime { get; }

    public TaskId Id { get; }

    public string Name { get; }

    public TaskBody Body { get; }

    public TaskArg[] Args { get; }

    public ObjectEntry Result { get; }

    public T Arg<T>(int index) => Runtime.Serializer.Deserialize<T>(Args[index].Resolve());

    /// <summary>Registers for pending arguments; goes to the scheduler once all are resolved.</summary>
    public void Start()
    {
        Runtime.Counters.Enter(TaskPhase.WaitingForArguments);
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
        for (var i = 0; i < Args.Length; i++)
        {
            if (Args[i].Reference is { State: ObjectState.Failed } failed)
            {
                FailOnArgument(i, failed);
                return;
            }
        }

        Enter(TaskPhase.Queued);
        Runtime.Scheduler.Submit(this);
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

    public override void Execute()
    {
        Runtime.Counters.Leave(TaskPhase.Queued);
        Enter(TaskPhase.Running);
        var previous = LoomContext.Swap(new LoomContext(Runtime, Id, Name, actorId: null, Allocation, lendsCpuWhileWaiting: true));
        try
        {
            TaskArg.PinAll(Runtime.Store, Args);
            _argumentsPinned = true;
            var run = Body.RunAsync(this);
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
            Finish(null, ErrorInfo.FromException(Name, exception));
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
            Finish(null, ErrorInfo.FromException(Name, exception));
            return;
        }

        Finish(value, null);
    }

    private void Finish(SerializedObject? value, ErrorInfo? error)
    {
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
        Runtime.Counters.Enter(value is not null ? TaskPhase.Succeeded : TaskPhase.Failed);
        Runtime.Counters.Leave(_phase);

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

        Result.RemoveReference();
    }

    private void Enter(TaskPhase phase)
    {
        _phase = phase;
        Runtime.Counters.Enter(phase);
    }
}
