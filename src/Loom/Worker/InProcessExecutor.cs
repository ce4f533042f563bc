using Loom.Serialization;

namespace Loom.Worker;

/// <summary>Runs a task's body on the current thread of this process.</summary>
internal sealed class InProcessExecutor : ITaskExecutor
{
    public static InProcessExecutor Instance { get; } = new();

    public ValueTask<SerializedObject> RunAsync(TaskSpec spec) => spec.Body.RunAsync(spec);
}
