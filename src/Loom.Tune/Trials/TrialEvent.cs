using Loom.Tune.Schedulers;

namespace Loom.Tune;

/// <summary>What a running trial tells the tuner.</summary>
internal abstract record TrialEvent(string TrialId, int Attempt)
{
    /// <summary>A report: the trial waits on <see cref="Decision"/>.</summary>
    public sealed record Reported(
        string TrialId, int Attempt, int Iteration, IReadOnlyDictionary<string, double> Metrics, string? Checkpoint, TimeSpan Elapsed,
        TaskCompletionSource<TrialDecision> Decision) : TrialEvent(TrialId, Attempt);

    /// <summary>The trial's run ended, with its error if it failed.</summary>
    public sealed record Ended(string TrialId, int Attempt, Exception? Error, TimeSpan RunTime) : TrialEvent(TrialId, Attempt);
}
