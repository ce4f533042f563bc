namespace Loom.Tune;

/// <summary>One trial of a finished (or interrupted) experiment.</summary>
public sealed record TrialOutcome
{
    /// <summary>The trial's id.</summary>
    public required string TrialId { get; init; }

    /// <summary>Its hyperparameters.</summary>
    public required TrialConfig Config { get; init; }

    /// <summary>How it ended.</summary>
    public TrialStatus Status { get; init; }

    /// <summary>Its last report, or null when it reported nothing.</summary>
    public TrialResult? LastResult { get; init; }

    /// <summary>Every report, in order.</summary>
    public IReadOnlyList<TrialResult> Results { get; init; } = [];

    /// <summary>Its error when it ended in error.</summary>
    public string? Error { get; init; }

    /// <summary>Its folder.</summary>
    public string Path { get; init; } = "";

    /// <summary>Its latest checkpoint folder, if any.</summary>
    public string? Checkpoint { get; init; }
}
