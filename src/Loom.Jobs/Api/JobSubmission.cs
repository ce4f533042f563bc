using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Api;

/// <summary>What a client submits: one app (optionally as an array), or one app per line of a batch.</summary>
public sealed record JobSubmission
{
    /// <summary>The app to run, or one app per batch line (each becomes one task of an array).</summary>
    public required IReadOnlyList<AppDef> Apps { get; init; }

    /// <summary>The submitting user; the app's user or the head's user when null.</summary>
    public string? User { get; init; }

    /// <summary>Overrides the app's priority when set.</summary>
    public int? Priority { get; init; }

    /// <summary>Overrides the app's preemptible flag when set.</summary>
    public bool? Preemptible { get; init; }

    /// <summary>Overrides the retries of the app's roles when set.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The jobs this one waits for.</summary>
    public IReadOnlyList<JobDependency> Dependencies { get; init; } = [];

    /// <summary>A job array such as <c>0-15%4</c> (one app only), or null.</summary>
    public string? Array { get; init; }

    /// <summary>For a batch of several apps: how many may run at once (null for no cap).</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>The folder relative input paths are resolved against (the submitter's working directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// The scheduler's own run options (<c>-cfg key=value</c>) as given, for schedulers that read them
    /// (Slurm's partition, account, …). The local head takes its options from the typed fields above.
    /// </summary>
    public IReadOnlyDictionary<string, string> RunOptions { get; init; } = new Dictionary<string, string>();
}
