using System.Globalization;

namespace Loom.Tune.Schedulers;

/// <summary>
/// The median stopping rule (Golovin et al. 2017, Google Vizier), as Ray's <c>MedianStoppingRule</c>: at time
/// <c>t</c> past the grace period, a trial stops if its best metric so far is strictly worse than the median of
/// the other trials' running averages up to <c>t</c> (the mean of each one's results from the grace period to
/// <c>t</c>), taken over the trials (running or ended) that have reached <c>t</c>, once there are at least
/// <c>minSamplesRequired</c> of them. With fewer, the trial continues.
/// </summary>
public sealed class MedianStoppingRule : ITrialScheduler
{
    private const string Kind = "median-stopping";

    private readonly double _gracePeriod;
    private readonly int _minSamplesRequired;
    private readonly string _timeAttr;
    private readonly string _arguments;
    private MedianStoppingState _state = new();

    /// <summary>Creates the rule.</summary>
    /// <param name="gracePeriod">No trial stops before this time, and running averages start here.</param>
    /// <param name="minSamplesRequired">The fewest other trials to take the median over.</param>
    /// <param name="timeAttr">What time is counted in; see <see cref="TimeAttributes"/>.</param>
    public MedianStoppingRule(double gracePeriod = 1, int minSamplesRequired = 3, string timeAttr = TimeAttributes.TrainingIteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gracePeriod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSamplesRequired);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeAttr);
        _gracePeriod = gracePeriod;
        _minSamplesRequired = minSamplesRequired;
        _timeAttr = timeAttr;
        _arguments = string.Create(
            CultureInfo.InvariantCulture,
            $"gracePeriod={gracePeriod:R}, minSamplesRequired={minSamplesRequired}, timeAttr={timeAttr}");
    }

    /// <inheritdoc />
    public void Setup(string metric, TuneMode mode) => _state.Objective.Setup(metric, mode);

    /// <inheritdoc />
    public void OnTrialAdd(string trialId, TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        _state.Objective.RequireMetric();
    }

    /// <inheritdoc />
    public TrialDecision OnTrialResult(string trialId, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(result);
        if (!TimeAttributes.TryRead(result, _timeAttr, out var time)
            || !result.Metrics.TryGetValue(_state.Objective.RequireMetric(), out var value))
        {
            return TrialDecision.Continue;
        }

        Results(trialId).Add(new TimedValue(time, value));
        if (time < _gracePeriod)
        {
            return TrialDecision.Continue;
        }

        var averages = _state.Results
            .Where(other => other.Key != trialId && other.Value.Count > 0 && other.Value[^1].Time >= time)
            .Select(other => RunningAverage(other.Value, time))
            .Where(average => !double.IsNaN(average))
            .ToList();
        if (averages.Count < _minSamplesRequired)
        {
            return TrialDecision.Continue;
        }

        var median = Percentiles.Median(averages);
        var best = _state.Objective.Mode == TuneMode.Max
            ? _state.Results[trialId].Max(r => r.Value)
            : _state.Results[trialId].Min(r => r.Value);
        return _state.Objective.Sign(best) < _state.Objective.Sign(median) ? TrialDecision.Stop : TrialDecision.Continue;
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (lastResult is null
            || !TimeAttributes.TryRead(lastResult, _timeAttr, out var time)
            || !lastResult.Metrics.TryGetValue(_state.Objective.RequireMetric(), out var value))
        {
            return;
        }

        // Ray appends the final result again; it is kept once here, when it is newer than the last one reported.
        var results = Results(trialId);
        if (results.Count == 0 || results[^1].Time < time)
        {
            results.Add(new TimedValue(time, value));
        }
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
    public string SaveState() => SchedulerStateJson.Save(Kind, _arguments, _state);

    /// <inheritdoc />
    public void RestoreState(string state) => _state = SchedulerStateJson.Restore<MedianStoppingState>(Kind, _arguments, state);

    private List<TimedValue> Results(string trialId)
    {
        if (!_state.Results.TryGetValue(trialId, out var results))
        {
            results = [];
            _state.Results[trialId] = results;
        }

        return results;
    }

    /// <summary>The mean of a trial's values from the grace period to <paramref name="time"/>; NaN if it has none there.</summary>
    private double RunningAverage(List<TimedValue> results, double time)
    {
        var scoped = results.Where(r => r.Time >= _gracePeriod && r.Time <= time).Select(r => r.Value).ToList();
        return scoped.Count == 0 ? double.NaN : scoped.Average();
    }
}
