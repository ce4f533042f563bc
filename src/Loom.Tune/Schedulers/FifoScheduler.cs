namespace Loom.Tune.Schedulers;

/// <summary>Runs trials first in, first out and never stops one early (Ray's <c>FIFOScheduler</c>).</summary>
public sealed class FifoScheduler : ITrialScheduler
{
    private const string Kind = "fifo";

    private SchedulerObjective _objective = new();

    /// <inheritdoc />
    public void Setup(string metric, TuneMode mode) => _objective.Setup(metric, mode);

    /// <inheritdoc />
    public void OnTrialAdd(string trialId, TrialConfig config)
    {
    }

    /// <inheritdoc />
    public TrialDecision OnTrialResult(string trialId, TrialResult result) => TrialDecision.Continue;

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult)
    {
    }

    /// <inheritdoc />
    public void OnTrialError(string trialId)
    {
    }

    /// <inheritdoc />
    public string? ChooseTrialToRun(IReadOnlyList<string> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return waiting.Count > 0 ? waiting[0] : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> TakeTrialsToStop() => [];

    /// <inheritdoc />
    public string SaveState() => SchedulerStateJson.Save(Kind, "", _objective);

    /// <inheritdoc />
    public void RestoreState(string state) => _objective = SchedulerStateJson.Restore<SchedulerObjective>(Kind, "", state);
}
