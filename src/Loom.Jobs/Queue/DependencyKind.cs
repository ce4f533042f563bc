namespace Loom.Jobs.Queue;

/// <summary>What a dependency waits for (Slurm's <c>afterok</c> and <c>afterany</c>).</summary>
public enum DependencyKind
{
    /// <summary>The other job must succeed.</summary>
    AfterOk,

    /// <summary>The other job must end, whatever its outcome.</summary>
    AfterAny,
}
