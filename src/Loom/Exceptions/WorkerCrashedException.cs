using Loom.ObjectStore;

namespace Loom;

/// <summary>
/// The worker process running a task died before the task finished (it crashed, called
/// <see cref="Environment.FailFast(string)"/>, was killed, or the node stopped it). The message names
/// the process, its exit code or signal, and the task.
/// </summary>
public sealed class WorkerCrashedException : LoomException
{
    internal WorkerCrashedException(ErrorInfo error)
        : base(error)
    {
    }

    /// <summary>The name of the task or actor call that was running in the process.</summary>
    public string TaskName => Error!.TaskName;

    /// <summary>How many times the task ran (each time in a process that died) before it failed for good.</summary>
    public int Attempts => Error!.Attempts;
}
