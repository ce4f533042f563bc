using System.Globalization;

namespace Loom.Tune.Schedulers;

/// <summary>
/// Population based training (Jaderberg et al. 2017), asynchronous as Ray's <c>PopulationBasedTraining</c>. Each
/// time a trial has run another <c>perturbationInterval</c>, the running trials are ranked by their latest result;
/// a trial in the bottom <c>quantileFraction</c> exploits a trial of the top one chosen at random: it gets a
/// <see cref="TrialDecision"/> with an <see cref="ExploitRequest"/> to load that trial's latest checkpoint and go on
/// with its config explored (<see cref="PbtExplorer"/>). Other trials continue.
/// </summary>
public sealed class PopulationBasedTraining : ITrialScheduler
{
    private const string Kind = "pbt";

    private readonly double _perturbationInterval;
    private readonly IReadOnlyDictionary<string, Func<Random, object?>> _mutations;
    private readonly double _quantileFraction;
    private readonly double _resampleProbability;
    private readonly (double Lower, double Upper) _factors;
    private readonly string _timeAttr;
    private readonly string _arguments;
    private readonly SeededRandom _random;
    private PbtState _state = new();

    /// <summary>Creates the scheduler.</summary>
    /// <param name="perturbationInterval">How often (in <paramref name="timeAttr"/> units) a trial is considered for exploiting another.</param>
    /// <param name="hyperparamMutations">The hyperparameters to mutate, each with a function that samples a new value.</param>
    /// <param name="quantileFraction">The fraction of trials in the top and in the bottom quantile, 0 to 0.5.</param>
    /// <param name="resampleProbability">The chance that a mutated hyperparameter is resampled rather than perturbed.</param>
    /// <param name="perturbationFactors">The factors a perturbed number is multiplied by, one chosen at random; (0.8, 1.2) if null.</param>
    /// <param name="seed">Seeds the choices of trials and mutations (and is passed on to the sampling functions).</param>
    /// <param name="timeAttr">What time is counted in; see <see cref="TimeAttributes"/>.</param>
    public PopulationBasedTraining(
        double perturbationInterval,
        IReadOnlyDictionary<string, Func<Random, object?>> hyperparamMutations,
        double quantileFraction = 0.25,
        double resampleProbability = 0.25,
        (double Lower, double Upper)? perturbationFactors = null,
        int seed = 0,
        string timeAttr = TimeAttributes.TrainingIteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perturbationInterval);
        ArgumentNullException.ThrowIfNull(hyperparamMutations);
        if (hyperparamMutations.Count == 0)
        {
            throw new ArgumentException("Give at least one hyperparameter to mutate.", nameof(hyperparamMutations));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(quantileFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantileFraction, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegative(resampleProbability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resampleProbability, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeAttr);
        _perturbationInterval = perturbationInterval;
        _mutations = hyperparamMutations;
        _quantileFraction = quantileFraction;
        _resampleProbability = resampleProbability;
        _factors = perturbationFactors ?? (0.8, 1.2);
        _timeAttr = timeAttr;
        _random = new SeededRandom(seed);
        _arguments = string.Create(
            CultureInfo.InvariantCulture,
            $"perturbationInterval={perturbationInterval:R}, mutations=[{string.Join(",", hyperparamMutations.Keys.Order(StringComparer.Ordinal))}], quantileFraction={quantileFraction:R}, resampleProbability={resampleProbability:R}, perturbationFactors=({_factors.Lower:R},{_factors.Upper:R}), timeAttr={timeAttr}");
    }

    /// <summary>A trial's current config: its first, or the one its latest exploit gave it.</summary>
    /// <param name="trialId">The trial.</param>
    /// <returns>The config, or null for a trial not added.</returns>
    public TrialConfig? ConfigOf(string trialId) => Find(trialId)?.Config;

    /// <inheritdoc />
    public void Setup(string metric, TuneMode mode) => _state.Objective.Setup(metric, mode);

    /// <inheritdoc />
    public void OnTrialAdd(string trialId, TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(config);
        _state.Objective.RequireMetric();
        if (Find(trialId) is null)
        {
            _state.Trials.Add(new PbtTrialState { Id = trialId, Config = config });
        }
    }

    /// <inheritdoc />
    public TrialDecision OnTrialResult(string trialId, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var time = TimeAttributes.Read(result, _timeAttr);
        var score = _state.Objective.Score(result);
        var trial = Find(trialId) ?? throw new InvalidOperationException($"Trial {trialId} was not added to the scheduler.");
        trial.LastTime = time;
        trial.LastScore = score;
        if (time - trial.LastPerturbationTime < _perturbationInterval)
        {
            return TrialDecision.Continue;
        }

        trial.LastPerturbationTime = time;
        var (lower, upper) = Quantiles();
        if (!lower.Contains(trial))
        {
            return TrialDecision.Continue;
        }

        var source = upper[_random.Next(upper.Count)];
        var config = PbtExplorer.Explore(source.Config, _mutations, _resampleProbability, _factors, _random);

        // The trial now carries on from the source's checkpoint: its time, score and perturbation clock are the source's.
        trial.Config = config;
        trial.LastTime = source.LastTime;
        trial.LastScore = source.LastScore;
        trial.LastPerturbationTime = source.LastPerturbationTime;
        return TrialDecision.ContinueFrom(new ExploitRequest(source.Id, config));
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult) => End(trialId);

    /// <inheritdoc />
    public void OnTrialError(string trialId) => End(trialId);

    /// <summary>Chooses the waiting trial that has run least, for a fair share of time (as Ray); ties go to the first waiting.</summary>
    /// <param name="waiting">The trials waiting to run, in the tuner's order.</param>
    /// <returns>The trial to run, or null if none waits.</returns>
    public string? ChooseTrialToRun(IReadOnlyList<string> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return waiting
            .Where(id => Find(id) is not { Ended: true })
            .OrderBy(id => Find(id)?.LastTime ?? 0)
            .FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> TakeTrialsToStop() => [];

    /// <inheritdoc />
    public string SaveState()
    {
        _state.Random = _random.State;
        return SchedulerStateJson.Save(Kind, _arguments, _state);
    }

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var restored = SchedulerStateJson.Restore<PbtState>(Kind, _arguments, state);
        _random.State = restored.Random;
        _state = restored;
    }

    /// <summary>
    /// The bottom and top quantiles of the running trials that have reported, by latest score (as Ray:
    /// <c>⌈count · fraction⌉</c> trials each, at most half; none with fewer than two trials).
    /// </summary>
    private (List<PbtTrialState> Lower, List<PbtTrialState> Upper) Quantiles()
    {
        var ranked = _state.Trials
            .Where(t => t is { Ended: false, LastScore: not null })
            .OrderBy(t => t.LastScore)
            .ToList();
        if (ranked.Count <= 1)
        {
            return ([], []);
        }

        var size = (int)Math.Ceiling((ranked.Count * _quantileFraction) - 1e-9);
        size = Math.Min(size, ranked.Count / 2);
        return (ranked.Take(size).ToList(), ranked.Skip(ranked.Count - size).ToList());
    }

    private PbtTrialState? Find(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        return _state.Trials.Find(t => t.Id == trialId);
    }

    private void End(string trialId)
    {
        if (Find(trialId) is { } trial)
        {
            trial.Ended = true;
        }
    }
}
