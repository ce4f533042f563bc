using System.Globalization;
using Loom.Jobs.Client;

namespace Loom.Jobs.Slurm.Records;

/// <summary>The Slurm scheduler's files under <c>$LOOM_HOME/slurm/</c>.</summary>
internal sealed class SlurmPaths(LoomHome home)
{
    /// <summary><c>$LOOM_HOME/slurm</c>.</summary>
    public string Root { get; } = Path.Combine(home.Path, "slurm");

    /// <summary>The job records, and the default job folder: <c>$LOOM_HOME/slurm/jobs</c>.</summary>
    public string Jobs => Path.Combine(Root, "jobs");

    /// <summary>The cached cluster name.</summary>
    public string ClusterFile => Path.Combine(Root, "cluster");

    /// <summary>The cached location of the job-completion log.</summary>
    public string JobCompFile => Path.Combine(Root, "jobcomp");

    /// <summary>A job's record.</summary>
    public string Record(long jobId) => Path.Combine(Jobs, jobId.ToString(CultureInfo.InvariantCulture) + ".json");
}
