namespace Loom.Jobs.Queue;

/// <summary>The lifecycle states of a queued deep-learning job.</summary>
public enum JobState
{
    /// <summary>Waiting in the queue for its dependencies and resources.</summary>
    Queued,

    /// <summary>Started; loading its model and data.</summary>
    Downloading,

    /// <summary>Its processes run.</summary>
    Running,

    /// <summary>Storing its results and logs.</summary>
    Storing,

    /// <summary>Ended successfully.</summary>
    Succeeded,

    /// <summary>Ended with an error.</summary>
    Failed,

    /// <summary>Cancelled by a user.</summary>
    Cancelled,

    /// <summary>Ran past its time limit.</summary>
    Timeout,

    /// <summary>Went past its memory limit.</summary>
    OutOfMemory,

    /// <summary>Stopped with its resources released and its checkpoints kept.</summary>
    Halted,

    /// <summary>Asked to go on after a halt; queued again next.</summary>
    Resumed,
}
