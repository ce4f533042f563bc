namespace Loom.Jobs.Queue;

/// <summary>A job waits for another one.</summary>
/// <param name="JobId">The job waited for.</param>
/// <param name="Kind">What it waits for.</param>
public sealed record JobDependency(long JobId, DependencyKind Kind);
