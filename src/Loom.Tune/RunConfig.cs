namespace Loom.Tune;

/// <summary>Where results go and when trials stop, checkpoint and fail: Ray Tune's <c>RunConfig</c>.</summary>
public sealed record RunConfig
{
    /// <summary>The experiment's name: its folder under <see cref="StoragePath"/>.</summary>
    public string Name { get; init; } = "experiment";

    /// <summary>The folder experiments are stored in.</summary>
    public string StoragePath { get; init; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "loom_results");

    /// <summary>When a trial stops by itself.</summary>
    public StopCriteria Stop { get; init; } = new();

    /// <summary>How many checkpoints each trial keeps.</summary>
    public CheckpointPolicy Checkpoints { get; init; } = new();

    /// <summary>What happens when a trial fails.</summary>
    public FailurePolicy Failures { get; init; } = new();

    /// <summary>The experiment's folder.</summary>
    public string ExperimentPath => Path.Combine(StoragePath, Name);
}
