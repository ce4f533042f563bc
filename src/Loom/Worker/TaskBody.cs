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

    /// <summary>The method's name; for a lambda, the type and method it was written in (<c>Trainer.Run.lambda</c>).</summary>
    public string DefaultName
    {
        get
        {
            if (!Method.Name.StartsWith('<'))
            {
                return Method.Name;
            }

            var type = Method.DeclaringType;
            while (type is { DeclaringType: not null } && type.Name.StartsWith('<'))
            {
                type = type.DeclaringType;
            }

            var end = Method.Name.LastIndexOf(">b__", StringComparison.Ordinal);
            var outer = end > 1 ? Method.Name[1..end] : "lambda";
            return $"{type?.Name}.{outer}.lambda";
        }
    }

    /// <summary>Where the function runs.</summary>
    public IsolationMode Isolation { get; private set; }

    /// <summary>This body, or a copy of it that runs in <paramref name="isolation"/>.</summary>
    public TaskBody WithIsolation(IsolationMode isolation)
    {
        if (isolation == Isolation)
        {
            return this;
        }

        var copy = (TaskBody)MemberwiseClone();
        copy.Isolation = isolation;
        return copy;
    }

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
