using System.Globalization;
using Loom.Tune;
using Spectre.Console;

namespace Loom.Cli.Tune;

/// <summary>
/// Shows a tuning run as it goes: on an interactive console a live table refreshed after every tuner event; on any
/// other output one line per trial as it ends.
/// </summary>
internal sealed class TuneProgressView(IAnsiConsole console)
{
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);

    /// <summary>Runs the tuner to the end while showing its progress.</summary>
    /// <param name="tuner">The tuner, not yet started.</param>
    /// <param name="cancellationToken">Stops the experiment (its state is saved).</param>
    /// <returns>The results.</returns>
    public async Task<ResultGrid> RunAsync(Tuner tuner, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            tuner.OnProgress(Announce);
            return await tuner.FitAsync(cancellationToken).ConfigureAwait(false);
        }

        ResultGrid? result = null;
        await console.Live(new Text("starting trials…")).AutoClear(false).StartAsync(async context =>
        {
            tuner.OnProgress(grid =>
            {
                context.UpdateTarget(TuneTable.Create(grid));
                context.Refresh();
            });
            result = await tuner.FitAsync(cancellationToken).ConfigureAwait(false);
            context.UpdateTarget(TuneTable.Create(result));
            context.Refresh();
        }).ConfigureAwait(false);
        return result!;
    }

    private void Announce(ResultGrid grid)
    {
        foreach (var trial in grid.Trials.Where(t => t.Status is TrialStatus.Terminated or TrialStatus.Error))
        {
            if (!_announced.Add(trial.TrialId))
            {
                continue;
            }

            var iterations = (trial.LastResult?.Iteration ?? 0).ToString(CultureInfo.InvariantCulture);
            var metric = trial.LastResult?.Metrics.TryGetValue(grid.Metric, out var m) == true ? TuneTable.Format(m) : "-";
            var line = trial.Status == TrialStatus.Error
                ? $"{trial.TrialId} ERROR after {iterations} iteration(s) ({trial.Config}): {trial.Error?.Split('\n')[0]}"
                : $"{trial.TrialId} TERMINATED after {iterations} iteration(s): {grid.Metric}={metric} ({trial.Config})";
            console.Profile.Out.Writer.WriteLine(line);
        }
    }
}
