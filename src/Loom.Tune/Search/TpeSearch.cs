using System.Globalization;
using Loom.Tune.Search.State;
using Loom.Tune.Search.Tpe;

namespace Loom.Tune.Search;

/// <summary>
/// Tree-structured Parzen Estimator search (Bergstra et al. 2011), as hyperopt and Optuna run it. Points to evaluate come
/// first, then random configs until <see cref="InitialRandom"/> trials were suggested (or while no trial has completed);
/// after that, for each suggestion the completed trials are split at the <see cref="Gamma"/> quantile of the metric into
/// good and bad, each parameter gets a density l(x) over the good values and g(x) over the bad (truncated Gaussian mixtures
/// for <see cref="Uniform"/>, <see cref="LogUniform"/> and <see cref="QUniform"/>; smoothed counts for <see cref="Choice"/>
/// and <see cref="RandInt"/>), and the value maximising l(x)/g(x) among <see cref="Candidates"/> draws from l is chosen.
/// Constants are copied and <see cref="SampleFrom"/> resolved after; grids are rejected, as in Ray. It suggests
/// <c>numSamples</c> trials in all.
/// </summary>
public sealed class TpeSearch : ISearcher
{
    private const string Kind = "tpe";
    private readonly Dictionary<string, LiveTrial> _live = new(StringComparer.Ordinal);
    private readonly List<string> _liveOrder = [];
    private readonly List<TpeObservation> _observations = [];
    private List<TrialConfig> _points;
    private SearchSpace? _space;
    private string _metric = "";
    private TuneMode _mode;
    private int _numSamples;
    private int _seed;
    private int _suggested;

    /// <summary>Creates the searcher.</summary>
    /// <param name="initialRandom">How many trials are random before TPE models the results (points to evaluate count).</param>
    /// <param name="candidates">How many candidates each parameter draws from the good density.</param>
    /// <param name="gamma">The fraction of completed trials that are good, in (0, 1].</param>
    /// <param name="pointsToEvaluate">Configs to evaluate first (flat names; partial configs are completed by sampling).</param>
    public TpeSearch(int initialRandom = 10, int candidates = 24, double gamma = 0.25, IEnumerable<TrialConfig>? pointsToEvaluate = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialRandom);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "Gamma must be in (0, 1].");
        }

        InitialRandom = initialRandom;
        Candidates = candidates;
        Gamma = gamma;
        _points = [.. pointsToEvaluate ?? []];
        if (_points.Any(p => p is null))
        {
            throw new ArgumentException("A point to evaluate is null.", nameof(pointsToEvaluate));
        }
    }

    /// <summary>How many trials are random before TPE models the results.</summary>
    public int InitialRandom { get; }

    /// <summary>How many candidates each parameter draws from the good density.</summary>
    public int Candidates { get; }

    /// <summary>The fraction of completed trials that are good.</summary>
    public double Gamma { get; }

    /// <summary>How many completed trials the model learns from.</summary>
    public int Observations => _observations.Count;

    /// <inheritdoc />
    public bool IsFinished => _space is not null && _suggested >= _numSamples;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The space has a <see cref="GridSearch"/>, or a point names a parameter the space lacks.</exception>
    public void Setup(SearchSpace space, string metric, TuneMode mode, int numSamples, int seed)
    {
        SetupArguments.Check(space, metric, numSamples);
        var leaves = space.Leaves();
        var grids = leaves.Where(l => l.Entry is GridSearch).Select(l => $"'{l.Name}'").ToList();
        if (grids.Count > 0)
        {
            throw new ArgumentException(
                $"TpeSearch does not support GridSearch ({string.Join(", ", grids)}), as Ray's searchers do not: use Tune.Choice, or RandomSearch to expand a grid.",
                nameof(space));
        }

        foreach (var point in _points)
        {
            SearchSpace.CheckNames(point.Values.Keys, leaves);
        }

        _space = space;
        _metric = metric;
        _mode = mode;
        _numSamples = numSamples;
        _seed = seed;
        _suggested = 0;
        _live.Clear();
        _liveOrder.Clear();
        _observations.Clear();
    }

    /// <inheritdoc />
    public TrialConfig? Suggest(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        var space = SetupArguments.Ready(_space, nameof(TpeSearch));
        if (_suggested >= _numSamples)
        {
            return null;
        }

        var random = SeedMixer.For(_seed, _suggested);
        var preset = _suggested < _points.Count ? _points[_suggested]
            : _suggested < InitialRandom || _observations.Count == 0 ? TrialConfig.Empty
            : TpeSampler.Suggest(space.Leaves(), _observations, Gamma, Candidates, random);
        var config = space.Resolve(preset, random);
        _suggested++;
        if (_live.TryAdd(trialId, new LiveTrial(config)))
        {
            _liveOrder.Add(trialId);
        }

        return config;
    }

    /// <inheritdoc />
    public void OnTrialResult(string trialId, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // The model learns from the best value each trial reported, not its last: a trial that overfits after its
        // best epoch (or that a scheduler cut at a rung) is judged by what it reached.
        if (_live.TryGetValue(trialId, out var trial))
        {
            Fold(trial, result);
        }
    }

    private void Fold(LiveTrial trial, TrialResult result)
    {
        if (result.Metrics.TryGetValue(_metric, out var value) && double.IsFinite(value))
        {
            trial.LastMetric = trial.LastMetric is not { } best ? value : _mode == TuneMode.Max ? Math.Max(best, value) : Math.Min(best, value);
        }
    }

    /// <inheritdoc />
    /// <remarks>A failed trial, or one that never reported the metric, is forgotten without teaching the model.</remarks>
    public void OnTrialComplete(string trialId, TrialResult? lastResult, bool failed)
    {
        if (!_live.Remove(trialId, out var trial))
        {
            return;
        }

        _liveOrder.Remove(trialId);
        if (lastResult is not null)
        {
            Fold(trial, lastResult);
        }

        var metric = trial.LastMetric;
        if (!failed && metric is { } value && double.IsFinite(value))
        {
            _observations.Add(new TpeObservation(trial.Config, _mode == TuneMode.Max ? -value : value, _observations.Count));
        }
    }

    /// <inheritdoc />
    public string SaveState() => StateJson.Write(new TpeState
    {
        Kind = Kind,
        Seed = _seed,
        NumSamples = _numSamples,
        Metric = _metric,
        Mode = _mode,
        Parameters = [.. SetupArguments.Ready(_space, nameof(TpeSearch)).Leaves().Select(l => l.Name)],
        Points = [.. _points],
        Suggested = _suggested,
        Live = [.. _liveOrder.Select(id => new TpeLiveTrialState { Id = id, Config = _live[id].Config, LastMetric = _live[id].LastMetric })],
        Observations = [.. _observations.Select(o => new TpeObservationState { Config = o.Config, Loss = o.Loss, Order = o.Order })],
    });

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var space = SetupArguments.Ready(_space, nameof(TpeSearch));
        var saved = StateJson.Read<TpeState>(state, Kind, s => s.Kind);
        var names = space.Leaves().Select(l => l.Name).ToList();
        if (!names.SequenceEqual(saved.Parameters, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The saved search had the parameters {string.Join(", ", saved.Parameters)}; this space has {string.Join(", ", names)}.", nameof(state));
        }

        _seed = saved.Seed;
        _numSamples = saved.NumSamples;
        _metric = saved.Metric;
        _mode = saved.Mode;
        _points = [.. saved.Points];
        _suggested = saved.Suggested;
        _live.Clear();
        _liveOrder.Clear();
        foreach (var trial in saved.Live)
        {
            _live[trial.Id] = new LiveTrial(trial.Config) { LastMetric = trial.LastMetric };
            _liveOrder.Add(trial.Id);
        }

        _observations.Clear();
        _observations.AddRange(saved.Observations.Select(o => new TpeObservation(o.Config, o.Loss, o.Order)));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TpeSearch(initialRandom={InitialRandom}, candidates={Candidates}, gamma={Gamma})");

    private sealed class LiveTrial(TrialConfig config)
    {
        public TrialConfig Config { get; } = config;

        public double? LastMetric { get; set; }
    }
}
