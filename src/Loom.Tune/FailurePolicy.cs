namespace Loom.Tune;

/// <summary>What happens when a trial throws or its process fails.</summary>
public sealed record FailurePolicy
{
    /// <summary>How many times a failed trial is restarted (from its latest checkpoint) before it ends in error.</summary>
    public int MaxFailures { get; init; }

    /// <summary>Stop the whole experiment at the first trial error.</summary>
    public bool FailFast { get; init; }
}
