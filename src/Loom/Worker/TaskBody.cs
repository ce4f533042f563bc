using System.Reflection;
using Loom.Serialization;

namespace Loom.Worker;

/// <summary>The code of a remote function and how to call it with deserialized arguments.</summary>
internal abstract class TaskBody
{
    protected TaskBody(Delegate function)
    {
        Method = function.Method;
    }

    /// <summary>The user's method: what a cluster node loads to run the task.</summary>
    public MethodInfo Method { get; }

    public string DefaultName => Method.Name.StartsWith('<') ? $"{Method.DeclaringType?.Name}.lambda" : Method.Name;

    /// <summary>Runs the function on resolved arguments and serializes its result.</summary>
    public abstract ValueTask<SerializedObject> RunAsync(TaskSpec spec);
}

/// <summary>A function returning <typeparamref name="TResult"/>, possibly through a task.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal abstract class TaskBody<TResult> : TaskBody
{
    protected TaskBody(Delegate function)
        : base(function)
    {
    }

    public override ValueTask<SerializedObject> RunAsync(TaskSpec spec)
    {
        var result = Invoke(spec);
        return result.IsCompletedSuccessfully
            ? new ValueTask<SerializedObject>(spec.Runtime.Serializer.Serialize(result.Result))
            : AwaitAsync(result, spec.Runtime.Serializer);
    }

    protected abstract ValueTask<TResult> Invoke(TaskSpec spec);

    private static async ValueTask<SerializedObject> AwaitAsync(ValueTask<TResult> result, ObjectSerializer serializer) =>
        serializer.Serialize(await result.ConfigureAwait(false));
}
