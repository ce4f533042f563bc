using Loom.Tune.Search.State;

namespace Loom.Tune.Search;

/// <summary>
/// Random search with grid expansion: Ray Tune's <c>BasicVariantGenerator</c>, the default searcher. Each of the
/// <c>numSamples</c> samples covers every grid variant in order (<see cref="SearchSpace.GridVariants"/>), the other parameters
/// sampled independently for each trial, so there are <c>grid variants × numSamples</c> trials. Points to evaluate come first:
/// each replaces one sample, its missing values sampled (and, if it leaves a grid parameter out, expanded over that grid).
/// Each suggestion draws from its own stream derived from the seed and its index.
/// </summary>
public sealed class RandomSearch : ISearcher
{
    private const string Kind = "random";
    private List<TrialConfig> _points;
    private SearchSpace? _space;
    private int _seed;
    private int _numSamples;
    private IReadOnlyList<TrialConfig> _grid = [];
    private List<TrialConfig> _pointTrials = [];
    private long _total;
    private long _suggested;

    /// <summary>Creates the searcher.</summary>
    /// <param name="pointsToEvaluate">Configs to evaluate first (flat names; partial configs are completed by sampling).</param>
    public RandomSearch(IEnumerable<TrialConfig>? pointsToEvaluate = null)
    {
        _points = [.. pointsToEvaluate ?? []];
        if (_points.Any(p => p is null))
        {
            throw new ArgumentException("A point to evaluate is null.", nameof(pointsToEvaluate));
        }
    }

    /// <summary>How many trials the search suggests in all (known after <see cref="Setup"/>).</summary>
    public long TotalTrials => _total;

    /// <inheritdoc />
    public bool IsFinished => _space is not null && _suggested >= _total;

    /// <inheritdoc />
    public void Setup(SearchSpace space, string metric, TuneMode mode, int numSamples, int seed)
    {
        SetupArguments.Check(space, metric, numSamples);
        _space = space;
        _seed = seed;
        _numSamples = numSamples;
        _suggested = 0;
        Plan();
    }

    /// <inheritdoc />
    public TrialConfig? Suggest(string trialId)
    {
        var space = SetupArguments.Ready(_space, nameof(RandomSearch));
        if (_suggested >= _total)
        {
            return null;
        }

        var index = _suggested;
        var preset = index < _pointTrials.Count ? _pointTrials[(int)index] : _grid[(int)((index - _pointTrials.Count) % _grid.Count)];
        var config = space.Resolve(preset, SeedMixer.For(_seed, index));
        _suggested++;
        return config;
    }

    /// <inheritdoc />
    public void OnTrialResult(string trialId, TrialResult result)
    {
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, TrialResult? lastResult, bool failed)
    {
    }

    /// <inheritdoc />
    public string SaveState() => StateJson.Write(new RandomSearchState
    {
        Kind = Kind,
        Seed = _seed,
        NumSamples = _numSamples,
        Parameters = [.. SetupArguments.Ready(_space, nameof(RandomSearch)).Leaves().Select(l => l.Name)],
        Points = [.. _points],
        Suggested = _suggested,
    });

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var space = SetupArguments.Ready(_space, nameof(RandomSearch));
        var saved = StateJson.Read<RandomSearchState>(state, Kind, s => s.Kind);
        var names = space.Leaves().Select(l => l.Name).ToList();
        if (!names.SequenceEqual(saved.Parameters, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The saved search had the parameters {string.Join(", ", saved.Parameters)}; this space has {string.Join(", ", names)}.", nameof(state));
        }

        _seed = saved.Seed;
        _numSamples = saved.NumSamples;
        _points = [.. saved.Points];
        Plan();
        _suggested = Math.Min(saved.Suggested, _total);
    }

    private void Plan()
    {
        var space = SetupArguments.Ready(_space, nameof(RandomSearch));
        var leaves = space.Leaves();
        _grid = space.GridVariants();
        _pointTrials = [];
        foreach (var point in _points)
        {
            SearchSpace.CheckNames(point.Values.Keys, leaves);
            var fixedNames = point.Values.Keys.ToHashSet(StringComparer.Ordinal);
            _pointTrials.AddRange(space.GridVariantsWithout(fixedNames).Select(v => v.With(point.Values)));
        }

        _total = _pointTrials.Count + ((long)Math.Max(0, _numSamples - _points.Count) * _grid.Count);
    }
}
