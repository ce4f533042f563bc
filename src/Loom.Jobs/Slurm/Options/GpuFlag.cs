namespace Loom.Jobs.Slurm.Options;

/// <summary>How a replica's GPUs are asked of Slurm.</summary>
internal enum GpuFlag
{
    /// <summary><c>--gres=gpu:N</c>, which every Slurm version takes.</summary>
    Gres,

    /// <summary><c>--gpus-per-task=N</c>, for clusters that configure GPUs as TRES only.</summary>
    GpusPerTask,
}
