namespace Loom.Cli.Demo;

/// <summary>
/// Proves from the recorded intervals that no GPU was shared: experiments on the same GPU id never
/// overlapped in time. Also finds the peak number of experiments running at once.
/// </summary>
internal static class GpuSharingCheck
{
    public static GpuSharingReport Analyze(IReadOnlyList<ExperimentResult> results)
    {
        string? conflict = null;
        foreach (var group in results.Where(r => r.GpuIds.Count == 1).GroupBy(r => r.GpuIds[0]))
        {
            var ordered = group.OrderBy(r => r.StartSeconds).ToList();
            for (var i = 1; i < ordered.Count && conflict is null; i++)
            {
                if (ordered[i].StartSeconds < ordered[i - 1].EndSeconds)
                {
                    conflict = $"experiments {ordered[i - 1].Index} and {ordered[i].Index} overlapped on GPU {group.Key}";
                }
            }
        }

        return new GpuSharingReport(conflict is null, conflict, PeakConcurrency(results));
    }

    private static int PeakConcurrency(IReadOnlyList<ExperimentResult> results)
    {
        // Ends sort before starts at the same instant, so back-to-back runs do not count as concurrent.
        var events = results
            .SelectMany(r => new[] { (Time: r.StartSeconds, Delta: 1), (Time: r.EndSeconds, Delta: -1) })
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Delta);
        int running = 0, peak = 0;
        foreach (var (_, delta) in events)
        {
            running += delta;
            peak = Math.Max(peak, running);
        }

        return peak;
    }
}
