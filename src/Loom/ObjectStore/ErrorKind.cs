namespace Loom.ObjectStore;

/// <summary>Why an object could not be made.</summary>
internal enum ErrorKind
{
    /// <summary>The task (or actor method) threw.</summary>
    TaskError,

    /// <summary>An argument of the task failed, so the task never ran.</summary>
    ArgumentFailed,

    /// <summary>The actor behind the call is dead.</summary>
    ActorDied,

    /// <summary>The result did not fit in the object store.</summary>
    ObjectStoreFull,

    /// <summary>The cluster stopped before the work ran.</summary>
    Shutdown,

    /// <summary>The task was cancelled.</summary>
    Cancelled,

    /// <summary>The worker process running the task died.</summary>
    WorkerCrashed,

    /// <summary>The object's only copy (spilled to disk) was lost and it could not be made again.</summary>
    ObjectLost,
}
