using Loom.Tune.Search.State;

namespace Loom.Tune.Search;

/// <summary>
/// Limits another searcher to <see cref="MaxConcurrent"/> suggested trials not yet completed, as Ray Tune's
/// <c>ConcurrencyLimiter</c>: while at the limit, <see cref="Suggest"/> returns null. Adaptive searchers such as
/// <see cref="TpeSearch"/> learn more when fewer trials run blind at once.
/// </summary>
public sealed class ConcurrencyLimiter : ISearcher
{
    private const string Kind = "concurrency-limiter";
    private readonly ISearcher _inner;
    private readonly List<string> _live = [];

    /// <summary>Wraps a searcher.</summary>
    /// <param name="searcher">The searcher to limit.</param>
    /// <param name="maxConcurrent">The most trials suggested and not completed at once; at least 1.</param>
    public ConcurrencyLimiter(ISearcher searcher, int maxConcurrent)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        _inner = searcher;
        MaxConcurrent = maxConcurrent;
    }

    /// <summary>The most trials suggested and not completed at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>The trials suggested and not completed yet.</summary>
    public IReadOnlyCollection<string> LiveTrials => _live;

    /// <inheritdoc />
    public bool IsFinished => _inner.IsFinished;

    /// <inheritdoc />
    public void Setup(SearchSpace space, string metric, TuneMode mode, int numSamples, int seed)
    {
        _live.Clear();
        _inner.Setup(space, metric, mode, numSamples, seed);
    }

    /// <inheritdoc />
    public TrialConfig? Suggest(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (_live.Count >= MaxConcurrent)
        {
            return null;
        }

        var config = _inner.Suggest(trialId);
        if (config is not null && !_live.Contains(trialId, StringComparer.Ordinal))
        {
            _live.Add(trialId);
        }

        return config;
    }

    /// <inheritdoc />
    public void OnTrialResult(string trialId, TrialResult result) => _inner.OnTrialResult(trialId, result);

    /// <inheritdoc />
    /// <remarks>As in Ray, only trials this limiter suggested reach the wrapped searcher.</remarks>
    public void OnTrialComplete(string trialId, TrialResult? lastResult, bool failed)
    {
        if (_live.Remove(trialId))
        {
            _inner.OnTrialComplete(trialId, lastResult, failed);
        }
    }

    /// <inheritdoc />
    public string SaveState() => StateJson.Write(new ConcurrencyLimiterState { Kind = Kind, Live = [.. _live], Inner = _inner.SaveState() });

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var saved = StateJson.Read<ConcurrencyLimiterState>(state, Kind, s => s.Kind);
        _inner.RestoreState(saved.Inner);
        _live.Clear();
        _live.AddRange(saved.Live);
    }
}
