namespace Loom.Tune;

/// <summary>How many checkpoints a trial keeps, and which.</summary>
public sealed record CheckpointPolicy
{
    /// <summary>How many to keep per trial (the latest is always kept); null keeps all.</summary>
    public int? NumToKeep { get; init; }

    /// <summary>Keep the best by this metric rather than the newest; null keeps the newest.</summary>
    public string? ScoreAttribute { get; init; }

    /// <summary>Whether a higher <see cref="ScoreAttribute"/> is better.</summary>
    public TuneMode ScoreMode { get; init; } = TuneMode.Max;
}
