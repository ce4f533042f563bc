using Loom.ObjectStore;

namespace Loom;

/// <summary>The task was cancelled with <see cref="LoomCluster.Cancel"/> before it produced its result.</summary>
public sealed class TaskCancelledException : LoomException
{
    internal TaskCancelledException(ErrorInfo error)
        : base(error)
    {
    }

    /// <summary>The name of the cancelled task.</summary>
    public string TaskName => Error!.TaskName;
}
