using Loom.Cli.Jobs;
using Loom.Tune;
using Loom.Tune.Reporting;
using Spectre.Console;

namespace Loom.Cli.Tune;

/// <summary>Runs (or continues) an experiment on an embedded cluster, with the live view, the plot, the CSV and the summary.</summary>
internal static class TuneSession
{
    /// <summary>The copy of the spec kept in the experiment folder.</summary>
    public const string SpecFileName = "tune.yaml";

    /// <summary>The results table written into the experiment folder.</summary>
    public const string CsvFileName = "results.csv";

    public static async Task<int> RunAsync(
        double? cpus, int? gpus, Func<LoomCluster, Tuner> createTuner, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var options = new LocalClusterOptions { NumCpus = cpus, NumGpus = gpus, NodeName = "tune" };
        var loom = await LoomCluster.StartLocalAsync(options, cancellationToken).ConfigureAwait(false);
        await using (loom.ConfigureAwait(false))
        {
            var tuner = createTuner(loom);
            ResultGrid grid;
            try
            {
                grid = await new TuneProgressView(console).RunAsync(tuner, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new CliFailure("interrupted; the experiment's state is saved: continue it with 'loom tune restore PATH'.", 130);
            }

            var csv = Path.Combine(grid.ExperimentPath, CsvFileName);
            grid.WriteCsv(csv);
            var plot = MetricPlot.Save(grid);
            TuneSummary.Write(console, grid, csv, plot);
            return grid.Trials.Count > 0 && grid.Trials.All(t => t.Status == TrialStatus.Error) ? ExitCodes.Failure : ExitCodes.Success;
        }
    }
}
