namespace Loom.Tune;

/// <summary>What each trial needs from the cluster.</summary>
/// <param name="Cpus">CPUs of the trial's own task (fractions allowed).</param>
/// <param name="Gpus">GPUs of the trial's own task (fractions allowed, as with tasks).</param>
public sealed record TrialResources(double Cpus = 1, double Gpus = 0)
{
    /// <summary>
    /// Placement-group bundles reserved all together for each trial, for trials that start workers of their own:
    /// the trial's task runs in bundle 0 (which must hold <see cref="Cpus"/> and <see cref="Gpus"/>), and the
    /// trainable starts its workers in the other bundles through <see cref="TrialContext.PlacementGroup"/>.
    /// Empty for a trial that is one task.
    /// </summary>
    public IReadOnlyList<Bundle> Bundles { get; init; } = [];

    /// <summary>How the bundles are placed.</summary>
    public PlacementStrategy Strategy { get; init; } = PlacementStrategy.Pack;

    /// <summary>The CPUs one trial holds in all.</summary>
    public double TotalCpus => Bundles.Count > 0 ? Bundles.Sum(b => b.Cpus) : Cpus;

    /// <summary>The GPUs one trial holds in all.</summary>
    public double TotalGpus => Bundles.Count > 0 ? Bundles.Sum(b => b.Gpus) : Gpus;
}
