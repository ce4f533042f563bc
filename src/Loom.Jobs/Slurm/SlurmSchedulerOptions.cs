using Loom.Jobs.Client;

namespace Loom.Jobs.Slurm;

/// <summary>Where <see cref="SlurmScheduler"/> keeps its records and finds Slurm's commands.</summary>
public sealed record SlurmSchedulerOptions
{
    /// <summary>Loom's state folder; the scheduler's records go under <c>$LOOM_HOME/slurm/</c>.</summary>
    public required LoomHome Home { get; init; }

    /// <summary>The folder holding <c>sbatch</c>, <c>squeue</c>, <c>scontrol</c>, …; null to find them on <c>PATH</c>.</summary>
    public string? CommandsDirectory { get; init; }

    /// <summary>How long one Slurm command may take before it is stopped.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
