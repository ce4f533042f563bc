namespace Loom.Cli.Microbenchmark;

/// <summary>One workload's figure: the mean over the rounds, and their standard deviation.</summary>
internal sealed record BenchmarkResult(string Name, double PerSecond, double StandardDeviation, double? RayPerSecond);
