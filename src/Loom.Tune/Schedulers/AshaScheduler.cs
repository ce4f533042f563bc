using System.Globalization;

namespace Loom.Tune.Schedulers;

/// <summary>
/// Asynchronous successive halving, ASHA (Li et al. 2018, "A System for Massively Parallel Hyperparameter
/// Tuning"), as Ray's <c>AsyncHyperBandScheduler</c>. Rungs sit at <c>gracePeriod · η^k</c> below
/// <c>maxT</c>; bracket <c>s</c> has the rungs from <c>gracePeriod · η^s</c> up. A trial reaching a rung
/// continues only if its metric is in the top 1/η of the values recorded there so far, and every trial stops at
/// <c>maxT</c>. Trials are assigned to brackets at random with Ray's softmax rule: bracket <c>s</c> is chosen with
/// probability proportional to <c>e^(rungs(s) − max rungs)</c>, so brackets with more rungs are favoured.
/// </summary>
public sealed class AshaScheduler : ITrialScheduler
{
    private const string Kind = "asha";

    private readonly string _timeAttr;
    private readonly double _maxT;
    private readonly double _reductionFactor;
    private readonly string _arguments;
    private readonly IReadOnlyList<IReadOnlyList<double>> _milestones;
    private readonly double[] _bracketWeights;
    private readonly SeededRandom _random;
    private AshaState _state;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="timeAttr">What time is counted in; see <see cref="TimeAttributes"/>.</param>
    /// <param name="gracePeriod">The first rung: no trial stops earlier (in <paramref name="timeAttr"/> units).</param>
    /// <param name="reductionFactor">η: each rung is η times the previous and keeps the top 1/η.</param>
    /// <param name="maxT">Trials stop when they reach this time.</param>
    /// <param name="brackets">How many brackets (each starts one rung higher).</param>
    /// <param name="seed">Seeds the bracket choice.</param>
    public AshaScheduler(
        string timeAttr = TimeAttributes.TrainingIteration,
        double gracePeriod = 1,
        double reductionFactor = 4,
        double maxT = 100,
        int brackets = 1,
        int seed = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeAttr);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gracePeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxT, gracePeriod);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reductionFactor, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(brackets);
        _timeAttr = timeAttr;
        _maxT = maxT;
        _reductionFactor = reductionFactor;
        _arguments = string.Create(
            CultureInfo.InvariantCulture,
            $"timeAttr={timeAttr}, gracePeriod={gracePeriod:R}, reductionFactor={reductionFactor:R}, maxT={maxT:R}, brackets={brackets}");

        // Ray's rungs are grace·η^j for j = s .. floor(log_η(maxT / grace)); the one at maxT itself (if any) never
        // judges a trial, as trials stop there, but it counts in the softmax weights as in Ray.
        var top = 0;
        while (gracePeriod * Math.Pow(reductionFactor, top + 1) <= maxT * (1 + 1e-12))
        {
            top++;
        }

        _milestones = [.. Enumerable.Range(0, brackets).Select(s => (IReadOnlyList<double>)[.. Enumerable
            .Range(s, Math.Max(0, top - s + 1))
            .Select(j => gracePeriod * Math.Pow(reductionFactor, j))
            .Where(m => m < maxT)])];
        var sizes = Enumerable.Range(0, brackets).Select(s => Math.Max(0, top - s + 1)).ToArray();
        _bracketWeights = [.. sizes.Select(size => Math.Exp(size - sizes.Max()))];
        _random = new SeededRandom(seed);
        _state = NewState();
    }

    /// <summary>Each bracket's rung milestones, ascending: where trials are compared (bracket 0 starts at the grace period).</summary>
    public IReadOnlyList<IReadOnlyList<double>> RungMilestones => _milestones;

    /// <summary>The bracket a live trial was assigned to.</summary>
    /// <param name="trialId">The trial.</param>
    /// <returns>The bracket's index (0 has the most rungs), or null for a trial not known or ended.</returns>
    public int? BracketOf(string trialId) => _state.Brackets.TryGetValue(trialId, out var bracket) ? bracket : null;

    /// <inheritdoc />
    public void Setup(string metric, TuneMode mode) => _state.Objective.Setup(metric, mode);

    /// <inheritdoc />
    public void OnTrialAdd(string trialId, TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        _state.Objective.RequireMetric();
        if (!_state.Brackets.ContainsKey(trialId))
        {
            _state.Brackets[trialId] = ChooseBracket();
        }
    }

    /// <inheritdoc />
    public TrialDecision OnTrialResult(string trialId, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!TimeAttributes.TryRead(result, _timeAttr, out var time) || !_state.Objective.TryScore(result, out var score))
        {
            return TrialDecision.Continue;
        }

        var bracket = Bracket(trialId);
        if (time >= _maxT)
        {
            return TrialDecision.Stop;
        }

        return bracket.OnResult(trialId, time, score) == TrialAction.Stop ? TrialDecision.Stop : TrialDecision.Continue;
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (lastResult is not null && _state.Brackets.ContainsKey(trialId)
            && TimeAttributes.TryRead(lastResult, _timeAttr, out var time) && _state.Objective.TryScore(lastResult, out var score))
        {
            // As Ray: the final result is recorded (at a rung it has not been judged at), though nothing is decided.
            Bracket(trialId).OnResult(trialId, time, score);
        }

        _state.Brackets.Remove(trialId);
    }

    /// <inheritdoc />
    public void OnTrialError(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        _state.Brackets.Remove(trialId);
    }

    /// <inheritdoc />
    public string? ChooseTrialToRun(IReadOnlyList<string> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return waiting.Count > 0 ? waiting[0] : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> TakeTrialsToStop() => [];

    /// <summary>A rung's current cutoff: the (1 − 1/η) percentile of the metric values recorded there.</summary>
    /// <param name="bracket">The bracket.</param>
    /// <param name="rung">The rung's index in <see cref="RungMilestones"/>.</param>
    /// <returns>The cutoff in the metric's own sign, or null when nothing is recorded there.</returns>
    public double? Cutoff(int bracket, int rung)
    {
        var cutoff = new AshaBracket(_milestones[bracket], _state.Recorded[bracket], _reductionFactor).Cutoff(rung);
        return cutoff is { } c ? _state.Objective.Sign(c) : null;
    }

    /// <inheritdoc />
    public string SaveState()
    {
        _state.Random = _random.State;
        return SchedulerStateJson.Save(Kind, _arguments, _state);
    }

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var restored = SchedulerStateJson.Restore<AshaState>(Kind, _arguments, state);
        if (restored.Recorded.Count != _milestones.Count
            || restored.Recorded.Where((rungs, b) => rungs.Count != _milestones[b].Count).Any())
        {
            throw new ArgumentException("The saved ASHA state's rungs do not match this scheduler's.", nameof(state));
        }

        _random.State = restored.Random;
        _state = restored;
    }

    private AshaState NewState() => new()
    {
        Recorded = [.. _milestones.Select(rungs => rungs.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToList())],
    };

    private AshaBracket Bracket(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (!_state.Brackets.TryGetValue(trialId, out var index))
        {
            throw new InvalidOperationException($"Trial {trialId} was not added to the scheduler (or has ended).");
        }

        return new AshaBracket(_milestones[index], _state.Recorded[index], _reductionFactor);
    }

    private int ChooseBracket()
    {
        if (_bracketWeights.Length == 1)
        {
            return 0;
        }

        var draw = _random.NextDouble() * _bracketWeights.Sum();
        for (var i = 0; i < _bracketWeights.Length - 1; i++)
        {
            draw -= _bracketWeights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return _bracketWeights.Length - 1;
    }
}
