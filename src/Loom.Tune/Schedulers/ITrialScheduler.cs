namespace Loom.Tune.Schedulers;

/// <summary>
/// A trial scheduler (Ray Tune's <c>TrialScheduler</c>): it watches the trials' results and decides which trials
/// keep training, pause or stop early, and which waiting trial runs next. The tuner calls <see cref="Setup"/> once,
/// then <see cref="OnTrialAdd"/> for every trial before its first result. A scheduler is not thread-safe: the
/// tuner calls it from one thread at a time.
/// </summary>
public interface ITrialScheduler
{
    /// <summary>Sets the metric the scheduler compares trials by and whether lower or higher is better.</summary>
    /// <param name="metric">The metric's name in <see cref="TrialResult.Metrics"/>.</param>
    /// <param name="mode">Whether the metric is minimized or maximized.</param>
    void Setup(string metric, TuneMode mode);

    /// <summary>Tells the scheduler of a new trial. Adding a trial it already knows has no effect.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="config">The trial's hyperparameters.</param>
    void OnTrialAdd(string trialId, TrialConfig config);

    /// <summary>Decides what happens to a trial after it reports a result.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="result">The result.</param>
    /// <returns>The decision.</returns>
    TrialDecision OnTrialResult(string trialId, TrialResult result);

    /// <summary>Tells the scheduler a trial ended: it finished, or the tuner stopped it.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="lastResult">Its last result, or null if it reported none.</param>
    void OnTrialComplete(string trialId, TrialResult? lastResult);

    /// <summary>Tells the scheduler a trial failed.</summary>
    /// <param name="trialId">The trial.</param>
    void OnTrialError(string trialId);

    /// <summary>
    /// Chooses which waiting trial (new, or paused) the tuner should start or resume next. FIFO-like schedulers
    /// return the first; HyperBand returns only trials with budget left in their bracket's current rung.
    /// </summary>
    /// <param name="waiting">The trials waiting to run, in the tuner's order.</param>
    /// <returns>The trial to run, or null if none of them should run now.</returns>
    string? ChooseTrialToRun(IReadOnlyList<string> waiting);

    /// <summary>
    /// The paused trials the scheduler has decided to stop since the last call (HyperBand stops the losers of a
    /// rung, which wait paused while the rung fills). The tuner ends them; they will not be chosen to run again.
    /// </summary>
    /// <returns>The trials to stop; empty for schedulers that never pause.</returns>
    IReadOnlyList<string> TakeTrialsToStop();

    /// <summary>The scheduler's state as JSON, for resuming an experiment.</summary>
    /// <returns>The state.</returns>
    string SaveState();

    /// <summary>
    /// Restores a state from <see cref="SaveState"/> of a scheduler built with the same arguments; afterwards this
    /// scheduler decides as the saved one would have (including its random draws). <see cref="Setup"/> need not be
    /// called again.
    /// </summary>
    /// <param name="state">The saved state.</param>
    /// <exception cref="ArgumentException">The state is not valid JSON state of this kind of scheduler.</exception>
    /// <exception cref="InvalidOperationException">The state was saved by a scheduler with different arguments.</exception>
    void RestoreState(string state);
}
