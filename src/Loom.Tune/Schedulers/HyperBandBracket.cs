namespace Loom.Tune.Schedulers;

/// <summary>The rules of one HyperBand bracket, over its plan and saved progress.</summary>
internal sealed class HyperBandBracket
{
    private readonly HyperBandBracketPlan _plan;

    /// <summary>Creates the rules for a bracket.</summary>
    /// <param name="plan">The bracket's shape.</param>
    /// <param name="state">Its progress, updated in place.</param>
    public HyperBandBracket(HyperBandBracketPlan plan, HyperBandBracketState state)
    {
        _plan = plan;
        State = state;
    }

    /// <summary>The bracket's progress.</summary>
    public HyperBandBracketState State { get; }

    /// <summary>The time the live trials run to now.</summary>
    public double Milestone => _plan.Milestones[State.Rung];

    /// <summary>Whether the trials are in the last rung, which runs them to <c>maxT</c>.</summary>
    public bool IsFinalRung => State.Rung == _plan.Milestones.Count - 1;

    /// <summary>Whether the bracket holds as many live trials as its current rung should (Ray's <c>filled</c>).</summary>
    public bool Filled => State.Live.Count >= _plan.TrialCounts[State.Rung];

    /// <summary>Whether every live trial has reached the current milestone.</summary>
    public bool RungDone => State.Live.TrueForAll(t => t.Time >= Milestone);

    /// <summary>How far the bracket is, 0 to 1, for running the least advanced bracket's trials first.</summary>
    public double Completion =>
        IsFinalRung && RungDone ? 1 : Math.Min(State.Progress / _plan.TotalWork, 1);

    /// <summary>A live trial.</summary>
    /// <param name="trialId">The trial.</param>
    /// <returns>Its state, or null if it is not live here.</returns>
    public HyperBandTrialState? Find(string trialId) => State.Live.Find(t => t.Id == trialId);

    /// <summary>Whether a live trial has time left before the current milestone.</summary>
    /// <param name="trialId">The trial.</param>
    /// <returns>True if it should run.</returns>
    public bool HasBudget(string trialId) => Find(trialId) is { } trial && trial.Time < Milestone;

    /// <summary>Records a live trial's result.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="time">The result's time.</param>
    /// <param name="score">The result's metric, signed so that higher is better.</param>
    public void Record(HyperBandTrialState trial, double time, double score)
    {
        State.Progress += time - trial.Time;
        trial.Time = time;
        trial.Score = score;
    }

    /// <summary>Moves to the next rung, keeping its number of best trials (ties keep the later added, as Ray's stable sort).</summary>
    /// <returns>The kept trials and the dropped ones, which leave the bracket.</returns>
    public (IReadOnlyList<string> Good, IReadOnlyList<string> Bad) Halve()
    {
        State.Rung++;
        var keep = Math.Min(_plan.TrialCounts[State.Rung], State.Live.Count);
        var ranked = State.Live.OrderBy(t => t.Score ?? double.NegativeInfinity).Select(t => t.Id).ToList();
        var bad = ranked.Take(ranked.Count - keep).ToList();
        State.Live.RemoveAll(t => bad.Contains(t.Id));
        return (ranked.Skip(ranked.Count - keep).ToList(), bad);
    }
}
