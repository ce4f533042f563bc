namespace Loom.Tune.Schedulers;

/// <summary>A scheduler's decision on a trial after one of its results.</summary>
/// <param name="Action">What to do with the trial.</param>
/// <param name="Exploit">When set, the trial first loads another trial's checkpoint and takes a new config (population based training).</param>
public sealed record TrialDecision(TrialAction Action, ExploitRequest? Exploit = null)
{
    /// <summary>Keep training.</summary>
    public static TrialDecision Continue { get; } = new(TrialAction.Continue);

    /// <summary>Pause the trial until the scheduler chooses it again.</summary>
    public static TrialDecision Pause { get; } = new(TrialAction.Pause);

    /// <summary>End the trial.</summary>
    public static TrialDecision Stop { get; } = new(TrialAction.Stop);

    /// <summary>Keep training from another trial's latest checkpoint with a new config.</summary>
    /// <param name="exploit">The checkpoint's trial and the new config.</param>
    /// <returns>The decision.</returns>
    public static TrialDecision ContinueFrom(ExploitRequest exploit)
    {
        ArgumentNullException.ThrowIfNull(exploit);
        return new TrialDecision(TrialAction.Continue, exploit);
    }
}
