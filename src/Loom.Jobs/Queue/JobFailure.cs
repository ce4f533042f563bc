namespace Loom.Jobs.Queue;

/// <summary>A queued job that can never start and must fail.</summary>
/// <param name="Job">The job.</param>
/// <param name="Reason">Why (starts with <see cref="DependencyNeverSatisfied"/> for a dependency that cannot be met).</param>
public sealed record JobFailure(JobRecord Job, string Reason)
{
    /// <summary>The reason given when an after-ok dependency ended without success, or does not exist.</summary>
    public const string DependencyNeverSatisfied = "DependencyNeverSatisfied";
}
