using Loom.Serialization;

namespace Loom.Worker;

/// <summary>Where a task's body runs: in this process, or in a worker process.</summary>
internal interface ITaskExecutor
{
    /// <summary>Runs the task on its resolved arguments and returns its serialized result.</summary>
    ValueTask<SerializedObject> RunAsync(TaskSpec spec);
}
