namespace Loom.Cli.Microbenchmark;

/// <summary>How <c>loom microbenchmark</c> runs: output format, which workloads, and how long each round lasts.</summary>
internal sealed record MicrobenchmarkSettings(bool Json, string? Filter, TimeSpan RoundDuration)
{
    /// <summary>Ray warms up for one second; shorter rounds shorten the warm-up too.</summary>
    public TimeSpan WarmUp => RoundDuration < TimeSpan.FromSeconds(1) ? RoundDuration : TimeSpan.FromSeconds(1);

    public int Rounds { get; init; } = 3;

    public bool Includes(string workloadName) =>
        string.IsNullOrEmpty(Filter) || workloadName.Contains(Filter, StringComparison.OrdinalIgnoreCase);
}
