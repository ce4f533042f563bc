using Loom.Jobs.Slurm.Script;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Slurm.Records;

/// <summary>
/// What Loom keeps of a job it submitted to Slurm, in <c>$LOOM_HOME/slurm/jobs/ID.json</c>: Slurm knows the
/// job's state, Loom knows its app, its options and where each replica's logs are.
/// </summary>
internal sealed record SlurmJobRecord
{
    /// <summary>The id sbatch printed.</summary>
    public required long JobId { get; init; }

    /// <summary>The cluster's name (the handle's session).</summary>
    public required string Cluster { get; init; }

    /// <summary>The app.</summary>
    public required AppDef App { get; init; }

    /// <summary>The run options as given.</summary>
    public IReadOnlyDictionary<string, string> RunOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder of the script, the logs and the checkpoints.</summary>
    public required string JobDir { get; init; }

    /// <summary>The submitted script.</summary>
    public required string ScriptPath { get; init; }

    /// <summary>The folder the replicas started in.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Every replica and its heterogeneous-job group, in rank order.</summary>
    public required IReadOnlyList<SlurmReplicaSlot> Layout { get; init; }

    /// <summary>The <c>--array</c> value, or null.</summary>
    public string? Array { get; init; }

    /// <summary>The array's indexes, or null.</summary>
    public IReadOnlyList<int>? ArrayIndexes { get; init; }

    /// <summary>How often a failure is requeued.</summary>
    public int MaxRetries { get; init; }

    /// <summary>The submitting user.</summary>
    public string User { get; init; } = "";

    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }
}
