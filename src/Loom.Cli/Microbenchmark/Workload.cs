namespace Loom.Cli.Microbenchmark;

/// <summary>
/// A named microbenchmark: <see cref="Prepare"/> sets it up on the cluster (actors, objects) and returns the
/// operation to time; one operation counts as <see cref="Multiplier"/> units in the figure.
/// </summary>
/// <param name="Name">Ray's name for the workload.</param>
/// <param name="Multiplier">Units per operation (e.g. 1000 for a batch of 1000 tasks).</param>
/// <param name="RayPerSecond">Ray 2.48's published figure, for comparison; null when not quoted.</param>
/// <param name="Prepare">Sets up the workload and returns the timed operation.</param>
internal sealed record Workload(string Name, double Multiplier, double? RayPerSecond, Func<LoomCluster, Task<PreparedWorkload>> Prepare);
