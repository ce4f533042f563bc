namespace Loom.Tune.Reporting;

/// <summary>Reads an experiment folder (finished, running or interrupted) back into a <see cref="ResultGrid"/>.</summary>
public static class ExperimentReader
{
    /// <summary>
    /// Reads <c>experiment_state.json</c> and every trial's <c>result.json</c>. Trials keep the status last saved:
    /// a trial of an experiment that was killed still reads as running.
    /// </summary>
    /// <param name="experimentPath">The experiment's folder.</param>
    /// <returns>The trials so far.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no experiment.</exception>
    public static ResultGrid Read(string experimentPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentPath);
        var full = Path.GetFullPath(experimentPath);
        var state = ExperimentStore.Load(full)
            ?? throw new FileNotFoundException($"{full} holds no experiment ({ExperimentStore.StateFile} is missing).");
        var trials = state.Trials.Select(saved =>
        {
            var directory = Path.Combine(full, saved.Id);
            var results = ExperimentStore.ReadResults(saved.Id, directory);
            return new TrialOutcome
            {
                TrialId = saved.Id,
                Config = saved.Config,
                Status = saved.Status,
                LastResult = results.LastOrDefault(),
                Results = results,
                Error = saved.Error,
                Path = directory,
                Checkpoint = saved.LatestCheckpoint,
            };
        }).ToList();
        return new ResultGrid(full, state.Metric, state.Mode, trials);
    }
}
