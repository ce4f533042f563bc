using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Microbenchmark;

/// <summary>Runs the selected workloads one after another on an embedded cluster and prints their figures.</summary>
internal sealed class MicrobenchmarkRunner
{
    private const long ObjectStoreBytes = 4L * 1024 * 1024 * 1024;
    private readonly MicrobenchmarkSettings _settings;

    public MicrobenchmarkRunner(MicrobenchmarkSettings settings)
    {
        _settings = settings;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var workloads = WorkloadCatalog.All().Where(w => _settings.Includes(w.Name)).ToList();
        if (workloads.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No workload name contains '{_settings.Filter}'.").ConfigureAwait(false);
            return 1;
        }

        var options = new LocalClusterOptions
        {
            NumCpus = Environment.ProcessorCount,
            NumGpus = 0,
            ObjectStoreMemoryBytes = ObjectStoreBytes,
            NodeName = "microbenchmark",
        };
        await using var loom = await LoomCluster.StartLocalAsync(options, cancellationToken).ConfigureAwait(false);
        if (_settings.Json)
        {
            foreach (var workload in workloads)
            {
                var result = await MeasureAsync(loom, workload, cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(JsonFigure.Line(result)).ConfigureAwait(false);
                await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        var results = new List<BenchmarkResult>(workloads.Count);
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var progress = context.AddTask("Microbenchmarks", maxValue: workloads.Count);
                foreach (var workload in workloads)
                {
                    progress.Description = Markup.Escape(workload.Name);
                    var result = await MeasureAsync(loom, workload, cancellationToken).ConfigureAwait(false);
                    results.Add(result);
                    progress.Increment(1);
                }
            }).ConfigureAwait(false);
        AnsiConsole.Write(ResultTable.Create(results, _settings));
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Embedded cluster: {0} CPUs. Ray's figures are from its 2.48 release (a larger machine).", Environment.ProcessorCount);
        return 0;
    }

    private async Task<BenchmarkResult> MeasureAsync(LoomCluster loom, Workload workload, CancellationToken cancellationToken)
    {
        await using var prepared = await workload.Prepare(loom).ConfigureAwait(false);
        return await WorkloadTimer.MeasureAsync(workload, prepared.Operation, _settings, cancellationToken).ConfigureAwait(false);
    }
}
