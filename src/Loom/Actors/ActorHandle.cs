using System.Linq.Expressions;
using Loom.Actors;
using Loom.Serialization;

namespace Loom;

/// <summary>
/// A handle to an actor: call its methods with <c>Call(x =&gt; x.Method(args))</c>; each call returns an
/// ObjectRef to its result at once. Calls made through handles run in submission order. Handles can be
/// passed to tasks and other actors as arguments.
/// </summary>
/// <typeparam name="T">The actor's class.</typeparam>
public sealed class ActorHandle<T>
    where T : class
{
    internal ActorHandle(ActorInstance actor)
    {
        Actor = actor;
    }

    /// <summary>The actor's id.</summary>
    public ActorId Id => Actor.Id;

    /// <summary>The actor's name, or null when it has none.</summary>
    public string? Name => Actor.Options.Name;

    internal ActorInstance Actor { get; }

    /// <summary>Calls a method that returns a value.</summary>
    /// <typeparam name="TResult">The method's result type.</typeparam>
    /// <param name="call">The call, like <c>x =&gt; x.Increment(5)</c>; arguments are evaluated now and copied.</param>
    public ObjectRef<TResult> Call<TResult>(Expression<Func<T, TResult>> call) => Post<TResult>(call, ReturnKind.Value);

    /// <summary>Calls an async method returning <see cref="Task{TResult}"/>; its result is awaited on the actor.</summary>
    /// <typeparam name="TResult">The method's result type.</typeparam>
    /// <param name="call">The call, like <c>x =&gt; x.LoadAsync("path")</c>.</param>
    public ObjectRef<TResult> Call<TResult>(Expression<Func<T, Task<TResult>>> call) => Post<TResult>(call, ReturnKind.Task);

    /// <summary>Calls an async method returning <see cref="ValueTask{TResult}"/>; its result is awaited on the actor.</summary>
    /// <typeparam name="TResult">The method's result type.</typeparam>
    /// <param name="call">The call.</param>
    public ObjectRef<TResult> Call<TResult>(Expression<Func<T, ValueTask<TResult>>> call) => Post<TResult>(call, ReturnKind.ValueTask);

    /// <summary>Calls a method that returns nothing; the ref completes when it has run.</summary>
    /// <param name="call">The call, like <c>x =&gt; x.Reset()</c>.</param>
    public ObjectRef<Unit> Call(Expression<Action<T>> call) => Post<Unit>(call, ReturnKind.Void);

    /// <summary>Calls an async method returning <see cref="Task"/>; the ref completes when it has finished.</summary>
    /// <param name="call">The call.</param>
    public ObjectRef<Unit> Call(Expression<Func<T, Task>> call) => Post<Unit>(call, ReturnKind.VoidTask);

    /// <summary>Calls an async method returning <see cref="ValueTask"/>; the ref completes when it has finished.</summary>
    /// <param name="call">The call.</param>
    public ObjectRef<Unit> Call(Expression<Func<T, ValueTask>> call) => Post<Unit>(call, ReturnKind.VoidValueTask);

    /// <summary>Kills the actor: queued and later calls fail with <see cref="ActorDiedException"/>, its resources return, its name is freed.</summary>
    public ValueTask KillAsync()
    {
        Actor.Die(Actor.DeathError("it was killed", null));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorHandle<{typeof(T).Name}>({Actor.DisplayName})";

    private ObjectRef<TResult> Post<TResult>(LambdaExpression call, ReturnKind kind)
    {
        var runtime = Actor.Runtime;
        runtime.ThrowIfStopping();
        var (method, arguments) = ActorMethod.Parse(call, typeof(T));
        var serialized = ActorCall.SerializeArguments(method, arguments, runtime.Serializer);
        var result = runtime.Store.CreatePending(method.Name);
        var reference = new ObjectRef<TResult>(runtime, result);
        var actorCall = new ActorCall<TResult>(runtime, runtime.NextTaskId(), method, serialized, result, kind);
        result.Work = actorCall;
        Actor.Post(actorCall);
        return reference;
    }
}
