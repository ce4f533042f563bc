using Loom.ObjectStore;
using Loom.Serialization;
using Loom.Worker;

namespace Loom.Actors;

/// <summary>A call whose method returns <typeparamref name="TResult"/>, directly or through a task.</summary>
/// <typeparam name="TResult">The result type (<see cref="Unit"/> for methods without one).</typeparam>
internal sealed class ActorCall<TResult> : ActorCall
{
    private readonly ReturnKind _kind;

    public ActorCall(CoreRuntime runtime, TaskId id, ActorMethod method, SerializedObject[] arguments, ObjectEntry result, ReturnKind kind)
        : base(runtime, id, method, arguments, result)
    {
        _kind = kind;
    }

    protected override ValueTask Complete(CoreRuntime runtime, object? returned)
    {
        switch (_kind)
        {
            case ReturnKind.Value:
                Finish(runtime, runtime.Serializer.Serialize((TResult)returned!), null);
                return ValueTask.CompletedTask;
            case ReturnKind.Void:
                Finish(runtime, runtime.Serializer.Serialize(Unit.Value), null);
                return ValueTask.CompletedTask;
            case ReturnKind.Task:
                var task = (Task<TResult>)returned!;
                if (task.IsCompletedSuccessfully)
                {
                    Finish(runtime, runtime.Serializer.Serialize(task.Result), null);
                    return ValueTask.CompletedTask;
                }

                return AwaitAsync(runtime, new ValueTask<TResult>(task));
            case ReturnKind.ValueTask:
                return AwaitAsync(runtime, (ValueTask<TResult>)returned!);
            case ReturnKind.VoidTask:
                return AwaitVoidAsync(runtime, new ValueTask((Task)returned!));
            default:
                return AwaitVoidAsync(runtime, (ValueTask)returned!);
        }
    }

    private async ValueTask AwaitAsync(CoreRuntime runtime, ValueTask<TResult> pending)
    {
        try
        {
            Finish(runtime, runtime.Serializer.Serialize(await pending.ConfigureAwait(false)), null);
        }
        catch (Exception exception)
        {
            Finish(runtime, null, ErrorInfo.FromException(Method.Name, exception));
        }
    }

    private async ValueTask AwaitVoidAsync(CoreRuntime runtime, ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
            Finish(runtime, runtime.Serializer.Serialize(Unit.Value), null);
        }
        catch (Exception exception)
        {
            Finish(runtime, null, ErrorInfo.FromException(Method.Name, exception));
        }
    }
}
