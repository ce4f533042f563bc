using System.Linq.Expressions;
using Loom.ObjectStore;
using Loom.Serialization;
using Loom.Worker;

namespace Loom.Actors;

/// <summary>One call of an actor method: the method, its copied arguments and the entry its result goes to.</summary>
internal abstract class ActorCall : IProducingWork
{
    private const int Queued = 0, Running = 1, Ended = 2;

    private readonly CancellationSource _cancellation = new();
    private int _state;
    private ActorInstance? _actor;

    protected ActorCall(CoreRuntime runtime, TaskId id, ActorMethod method, SerializedObject[] arguments, ObjectEntry result)
    {
        Runtime = runtime;
        Id = id;
        Method = method;
        Arguments = arguments;
        Result = result;
    }

    public CoreRuntime Runtime { get; }

    public TaskId Id { get; }

    public ActorMethod Method { get; }

    public SerializedObject[] Arguments { get; }

    public ObjectEntry Result { get; }

    /// <summary>Copies the argument values of a call expression.</summary>
    public static SerializedObject[] SerializeArguments(ActorMethod method, IReadOnlyList<Expression> arguments, ObjectSerializer serializer)
    {
        var serialized = new SerializedObject[arguments.Count];
        var done = 0;
        try
        {
            for (; done < serialized.Length; done++)
            {
                serialized[done] = method.Parameters[done].Serialize(serializer, ArgumentEvaluator.Evaluate(arguments[done]));
            }
        }
        catch
        {
            // The arguments copied so far hold references to the refs nested in them.
            for (var i = 0; i < done; i++)
            {
                serialized[i].Free();
            }

            throw;
        }

        return serialized;
    }

    /// <summary>Runs the call on the actor (unless it was cancelled or failed while queued); the returned task completes when the result is stored. Never throws.</summary>
    public ValueTask RunAsync(ActorInstance actor)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued)
        {
            return ValueTask.CompletedTask;
        }

        _actor = actor;
        actor.Started(this);

        if (actor.Instance is IsolatedActor isolated)
        {
            return isolated.RunAsync(this);
        }

        var runtime = actor.Runtime;
        var previous = LoomContext.Swap(new LoomContext(runtime, Id, Method.Name, actor.Id, actor.Allocation, lendsCpuWhileWaiting: false, _cancellation));
        try
        {
            var values = new object?[Arguments.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Method.Parameters[i].Deserialize(runtime.Serializer, Arguments[i]);
            }

            var returned = Method.Invoker(actor.Instance!, values);
            return Complete(runtime, returned);
        }
        catch (Exception exception)
        {
            Finish(runtime, null, ErrorInfo.FromException(Method.Name, exception));
            return ValueTask.CompletedTask;
        }
        finally
        {
            LoomContext.Swap(previous);
        }
    }

    /// <summary>Fails the call without running it, unless it already started or ended.</summary>
    public void Fail(CoreRuntime runtime, ErrorInfo error)
    {
        if (Interlocked.CompareExchange(ref _state, Ended, Queued) == Queued)
        {
            Finish(runtime, null, error);
        }
    }

    /// <summary>
    /// Cancels a queued call: it never runs and its getters see <see cref="TaskCancelledException"/>.
    /// A running call only has its context's token signalled, and false is returned.
    /// </summary>
    public bool Cancel(bool recursive)
    {
        _cancellation.Cancel();
        if (Interlocked.CompareExchange(ref _state, Ended, Queued) != Queued)
        {
            return false;
        }

        Finish(Runtime, null, new ErrorInfo(ErrorKind.Cancelled, Method.Name, typeof(TaskCancelledException).FullName!, $"The call {Method.Name} was cancelled before it ran.", null));
        return true;
    }

    /// <summary>Stores a result computed elsewhere (in the actor's worker process).</summary>
    public void Succeed(CoreRuntime runtime, SerializedObject value) => Finish(runtime, value, null);

    /// <summary>Fails a call that was already handed to the actor (its process died, or it failed there).</summary>
    public void FailRunning(CoreRuntime runtime, ErrorInfo error) => Finish(runtime, null, error);

    /// <summary>Stores the returned value, awaiting it first when it is a task.</summary>
    protected abstract ValueTask Complete(CoreRuntime runtime, object? returned);

    protected void Finish(CoreRuntime runtime, SerializedObject? value, ErrorInfo? error)
    {
        if (value is not null)
        {
            try
            {
                runtime.Store.Complete(Result, value);
            }
            catch (ObjectStoreFullException full)
            {
                value.ReleaseContainedRefs();
                error = new ErrorInfo(ErrorKind.ObjectStoreFull, Method.Name, full.GetType().FullName!, full.Message, null);
            }
        }

        if (error is not null)
        {
            Result.Fail(error);
        }

        foreach (var argument in Arguments)
        {
            argument.ReleaseContainedRefs();
        }

        _actor?.Ended(this);
        Result.Work = null;
        Result.RemoveReference();
    }
}
