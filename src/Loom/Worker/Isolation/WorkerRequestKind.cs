namespace Loom.Worker.Isolation;

/// <summary>What a node asks of a worker process.</summary>
internal enum WorkerRequestKind
{
    /// <summary>Run a task's method and send back its result.</summary>
    RunTask = 1,

    /// <summary>Build the process's actor with a constructor or static factory.</summary>
    CreateActor = 2,

    /// <summary>Call a method of the process's actor.</summary>
    CallActor = 3,
}
