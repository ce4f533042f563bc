namespace Loom.Tune.Search;

/// <summary>
/// A search algorithm: suggests trial configs and learns from their results, as Ray Tune's <c>Searcher</c>. The tuner calls
/// <see cref="Setup"/> once, then (when resuming) <see cref="RestoreState"/>, then <see cref="Suggest"/> for each new trial.
/// </summary>
public interface ISearcher
{
    /// <summary>Whether the searcher will never suggest another config.</summary>
    bool IsFinished { get; }

    /// <summary>Prepares the search.</summary>
    /// <param name="space">The parameter space.</param>
    /// <param name="metric">The metric to optimise, as trials report it.</param>
    /// <param name="mode">Whether lower or higher is better.</param>
    /// <param name="numSamples">How many samples to draw (with grid search: how many times the grid is repeated).</param>
    /// <param name="seed">The seed: the same seed and the same results give the same suggestions.</param>
    void Setup(SearchSpace space, string metric, TuneMode mode, int numSamples, int seed);

    /// <summary>The config of a new trial.</summary>
    /// <param name="trialId">The new trial's id.</param>
    /// <returns>The config, or null when there is nothing to suggest now: the search is finished, or it waits for running trials.</returns>
    TrialConfig? Suggest(string trialId);

    /// <summary>Receives an intermediate result of a trial.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="result">The result.</param>
    void OnTrialResult(string trialId, TrialResult result);

    /// <summary>Receives the end of a trial.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="lastResult">Its last result, if it reported any.</param>
    /// <param name="failed">Whether it failed (its result then does not count).</param>
    void OnTrialComplete(string trialId, TrialResult? lastResult, bool failed);

    /// <summary>The searcher's state as JSON, to resume the search later.</summary>
    /// <returns>The state.</returns>
    string SaveState();

    /// <summary>
    /// Resumes from a state of <see cref="SaveState"/>, after <see cref="Setup"/> with the same space: the searcher then
    /// continues exactly where it was (the same remaining suggestions, the same random draws).
    /// </summary>
    /// <param name="state">The state.</param>
    void RestoreState(string state);
}
