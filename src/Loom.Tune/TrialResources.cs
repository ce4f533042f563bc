namespace Loom.Tune;

/// <summary>What each trial needs from the cluster.</summary>
/// <param name="Cpus">CPUs (fractions allowed).</param>
/// <param name="Gpus">GPUs (fractions allowed, as with tasks).</param>
public sealed record TrialResources(double Cpus = 1, double Gpus = 0);
