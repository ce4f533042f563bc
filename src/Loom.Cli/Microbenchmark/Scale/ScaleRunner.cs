using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Microbenchmark.Scale;

/// <summary>
/// Runs the scale scenarios on a fresh embedded cluster each and reports time, rate and the process's
/// peak memory (the high-water mark of its resident set, which only grows: run one scenario per
/// process with <c>--filter</c> for a per-scenario peak).
/// </summary>
internal sealed class ScaleRunner
{
    private readonly MicrobenchmarkSettings _settings;

    public ScaleRunner(MicrobenchmarkSettings settings)
    {
        _settings = settings;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var scenarios = ScaleScenarios.All().Where(s => _settings.Includes(s.Name)).ToList();
        if (scenarios.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No scale scenario name contains '{_settings.Filter}'.").ConfigureAwait(false);
            return 1;
        }

        var results = new List<ScaleResult>();
        foreach (var scenario in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunAsync(scenario, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (_settings.Json)
            {
                await Console.Out.WriteLineAsync(result.JsonLine()).ConfigureAwait(false);
            }
        }

        if (!_settings.Json)
        {
            var table = new Table().AddColumns("scenario", "items", "seconds", "per second", "peak memory (MB)");
            foreach (var result in results)
            {
                table.AddRow(
                    Markup.Escape(result.Name),
                    result.Items.ToString("N0", CultureInfo.InvariantCulture),
                    result.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
                    result.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    result.PeakMemoryMegabytes.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }

    private static async Task<ScaleResult> RunAsync(ScaleScenario scenario, CancellationToken cancellationToken)
    {
        var options = new LocalClusterOptions
        {
            NumCpus = Environment.ProcessorCount,
            NumGpus = 0,
            ObjectStoreMemoryBytes = 4L << 30,
            NodeName = "scale",
        };
        await using var loom = await LoomCluster.StartLocalAsync(options, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await scenario.Run(loom).ConfigureAwait(false);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ScaleResult(
            scenario.Name,
            scenario.Items,
            Math.Round(clock.Elapsed.TotalSeconds, 3),
            Math.Round(scenario.Items / clock.Elapsed.TotalSeconds, 1),
            Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1));
    }
}
