namespace Loom.Tune;

/// <summary>The coordinator's record of one trial.</summary>
internal sealed class Trial(string id, TrialConfig config, string directory)
{
    public string Id { get; } = id;

    public TrialConfig Config { get; set; } = config;

    public string Directory { get; } = directory;

    public TrialStatus Status { get; set; } = TrialStatus.Pending;

    public int Iteration { get; set; }

    public string? LatestCheckpoint { get; set; }

    public int Failures { get; set; }

    public string? Error { get; set; }

    public TrialResult? LastResult { get; set; }

    public List<TrialResult> Results { get; } = [];

    public List<(string Folder, double? Score)> Checkpoints { get; } = [];

    /// <summary>Bumped at every start, so that events of an earlier run are told apart.</summary>
    public int Attempt { get; set; }

    public TimeSpan ElapsedBefore { get; set; }

    /// <summary>Set when a PBT exploit replaced the config: the checkpoint to start from next.</summary>
    public string? RestoreFrom { get; set; }

    public double? BestMetric { get; set; }

    /// <summary>How the current run ends once its process returns (set by a Stop, Pause or exploit decision).</summary>
    public TrialStatus? EndAs { get; set; }

    public int IterationsSinceImprovement { get; set; }
}
