namespace Loom.Tune.Schedulers;

/// <summary>What a scheduler tells the tuner to do with a trial after a result (Ray's <c>CONTINUE</c>, <c>PAUSE</c>, <c>STOP</c>).</summary>
public enum TrialAction
{
    /// <summary>Keep training.</summary>
    Continue,

    /// <summary>Save a checkpoint and give up the trial's resources; <see cref="ITrialScheduler.ChooseTrialToRun"/> says when it resumes.</summary>
    Pause,

    /// <summary>End the trial early.</summary>
    Stop,
}
