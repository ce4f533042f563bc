using System.Globalization;

namespace Loom.Tune.Schedulers;

/// <summary>
/// Synchronous HyperBand (Li et al. 2017), as Ray's <c>HyperBandScheduler</c>. New trials fill brackets in order
/// <c>s = 0, 1, …</c> (the bracket that never halves first, as Ray), and a new band of brackets starts when all are
/// full. In a bracket, a trial that reaches the current milestone is paused until all the bracket's live trials
/// reach it; then the best <c>n_{i+1}</c> (see <see cref="HyperBandBracketPlan"/>) go on to the next milestone, and
/// the rest stop: the trial reporting gets <see cref="TrialAction.Stop"/>, paused ones come out of
/// <see cref="TakeTrialsToStop"/>. <see cref="ChooseTrialToRun"/> resumes the kept trials, least complete bracket
/// first. A trial stops when it reaches the last milestone, <c>maxT</c>.
/// </summary>
public sealed class HyperBandScheduler : ITrialScheduler
{
    private const string Kind = "hyperband";

    private readonly string _timeAttr;
    private readonly double _maxT;
    private readonly string _arguments;
    private HyperBandState _state = new();

    /// <summary>Creates the scheduler.</summary>
    /// <param name="maxT">The most time a trial runs (HyperBand's <c>R</c>), at least 1.</param>
    /// <param name="reductionFactor">η: each rung keeps about 1/η of the trials and runs them η times longer.</param>
    /// <param name="timeAttr">What time is counted in; see <see cref="TimeAttributes"/>.</param>
    public HyperBandScheduler(double maxT = 81, double reductionFactor = 3, string timeAttr = TimeAttributes.TrainingIteration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxT, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reductionFactor, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeAttr);
        _maxT = maxT;
        _timeAttr = timeAttr;
        _arguments = string.Create(CultureInfo.InvariantCulture, $"maxT={maxT:R}, reductionFactor={reductionFactor:R}, timeAttr={timeAttr}");
        BracketPlans = HyperBandBracketPlan.For(maxT, reductionFactor);
    }

    /// <summary>The brackets of each band, by ascending <c>s</c>.</summary>
    public IReadOnlyList<HyperBandBracketPlan> BracketPlans { get; }

    /// <summary>The bracket a trial was put in.</summary>
    /// <param name="trialId">The trial.</param>
    /// <returns>The bracket's <c>s</c>, or null for a trial not added.</returns>
    public int? BracketOf(string trialId) => _state.Slots.TryGetValue(trialId, out var slot) ? slot.Bracket : null;

    /// <inheritdoc />
    public void Setup(string metric, TuneMode mode) => _state.Objective.Setup(metric, mode);

    /// <inheritdoc />
    public void OnTrialAdd(string trialId, TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        _state.Objective.RequireMetric();
        if (_state.Slots.ContainsKey(trialId))
        {
            return;
        }

        var band = _state.Bands[^1];
        if (band.Count == 0 || Bracket(band[^1]).Filled)
        {
            if (band.Count == BracketPlans.Count)
            {
                band = [];
                _state.Bands.Add(band);
            }

            band.Add(new HyperBandBracketState { S = band.Count });
        }

        band[^1].Live.Add(new HyperBandTrialState { Id = trialId });
        _state.Slots[trialId] = new HyperBandSlot(_state.Bands.Count - 1, band.Count - 1);
    }

    /// <inheritdoc />
    public TrialDecision OnTrialResult(string trialId, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var time = TimeAttributes.Read(result, _timeAttr);
        var score = _state.Objective.Score(result);
        var bracket = FindBracket(trialId);
        if (bracket.Find(trialId) is not { } trial)
        {
            return TrialDecision.Stop;
        }

        bracket.Record(trial, time, score);
        if (time < bracket.Milestone)
        {
            return TrialDecision.Continue;
        }

        if (bracket.IsFinalRung || time >= _maxT)
        {
            bracket.State.Live.Remove(trial);
            Process(bracket, current: null);
            return TrialDecision.Stop;
        }

        return Process(bracket, trialId) switch
        {
            TrialAction.Continue => TrialDecision.Continue,
            TrialAction.Stop => TrialDecision.Stop,
            _ => TrialDecision.Pause,
        };
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult) => Remove(trialId);

    /// <inheritdoc />
    public void OnTrialError(string trialId) => Remove(trialId);

    /// <inheritdoc />
    public string? ChooseTrialToRun(IReadOnlyList<string> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var candidates = waiting.ToHashSet(StringComparer.Ordinal);
        foreach (var band in _state.Bands)
        {
            foreach (var bracket in band.Select(Bracket).OrderBy(b => b.Completion))
            {
                var next = bracket.State.Live.Find(t => candidates.Contains(t.Id) && t.Time < bracket.Milestone);
                if (next is not null)
                {
                    return next.Id;
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> TakeTrialsToStop()
    {
        var taken = _state.ToStop.ToList();
        _state.ToStop.Clear();
        return taken;
    }

    /// <inheritdoc />
    public string SaveState() => SchedulerStateJson.Save(Kind, _arguments, _state);

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var restored = SchedulerStateJson.Restore<HyperBandState>(Kind, _arguments, state);
        if (restored.Bands.Count == 0 || restored.Bands.Exists(band => band.Count > BracketPlans.Count))
        {
            throw new ArgumentException("The saved HyperBand state's brackets do not match this scheduler's.", nameof(state));
        }

        _state = restored;
    }

    /// <summary>
    /// Halves the bracket while all its live trials have reached the milestone, then stops any that reached the
    /// last one. The trial reporting (if any) gets the returned action; other losers are queued to stop.
    /// </summary>
    private TrialAction Process(HyperBandBracket bracket, string? current)
    {
        var action = TrialAction.Pause;
        while (!bracket.IsFinalRung && bracket.State.Live.Count > 0 && bracket.RungDone)
        {
            var (good, bad) = bracket.Halve();
            foreach (var loser in bad)
            {
                if (loser == current)
                {
                    action = TrialAction.Stop;
                }
                else
                {
                    _state.ToStop.Add(loser);
                }
            }

            if (current is not null && good.Contains(current) && bracket.HasBudget(current))
            {
                action = TrialAction.Continue;
            }
        }

        if (bracket.IsFinalRung)
        {
            foreach (var done in bracket.State.Live.Where(t => t.Time >= bracket.Milestone).ToList())
            {
                bracket.State.Live.Remove(done);
                if (done.Id == current)
                {
                    action = TrialAction.Stop;
                }
                else
                {
                    _state.ToStop.Add(done.Id);
                }
            }
        }

        return action;
    }

    private void Remove(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (!_state.Slots.ContainsKey(trialId))
        {
            return;
        }

        var bracket = FindBracket(trialId);
        bracket.State.Live.RemoveAll(t => t.Id == trialId);
        _state.ToStop.Remove(trialId);
        Process(bracket, current: null);
    }

    private HyperBandBracket FindBracket(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (!_state.Slots.TryGetValue(trialId, out var slot))
        {
            throw new InvalidOperationException($"Trial {trialId} was not added to the scheduler.");
        }

        return Bracket(_state.Bands[slot.Band][slot.Bracket]);
    }

    private HyperBandBracket Bracket(HyperBandBracketState state) => new(BracketPlans[state.S], state);
}
