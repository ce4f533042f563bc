using System.Diagnostics;

namespace Loom.Cli.Microbenchmark;

/// <summary>
/// Times an operation the way Ray's microbenchmark does: run it for a warm-up, then for a few rounds of a
/// fixed duration (in steps of a tenth of the warm-up count), and report the mean operations per second.
/// </summary>
internal static class WorkloadTimer
{
    public static async Task<BenchmarkResult> MeasureAsync(Workload workload, Func<Task> operation, MicrobenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var warmUpCount = 0L;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < settings.WarmUp)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await operation().ConfigureAwait(false);
            warmUpCount++;
        }

        var step = (warmUpCount / 10) + 1;
        var rates = new double[settings.Rounds];
        for (var round = 0; round < rates.Length; round++)
        {
            var count = 0L;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < settings.RoundDuration)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < step; i++)
                {
                    await operation().ConfigureAwait(false);
                }

                count += step;
            }

            rates[round] = workload.Multiplier * count / clock.Elapsed.TotalSeconds;
        }

        var mean = rates.Average();
        var deviation = Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / rates.Length);
        return new BenchmarkResult(workload.Name, mean, deviation, workload.RayPerSecond);
    }
}
