namespace Loom.Tune;

/// <summary>Where a trial is in its life.</summary>
public enum TrialStatus
{
    /// <summary>Created, waiting for resources.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Stopped by the scheduler with a checkpoint, to be continued later.</summary>
    Paused,

    /// <summary>Ended: finished, or stopped early by the scheduler or a stop criterion.</summary>
    Terminated,

    /// <summary>Ended in error after its allowed failures.</summary>
    Error,
}
