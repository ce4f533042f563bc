namespace Loom;

/// <summary>
/// Where a task or actor runs: <see cref="DefaultSchedulingStrategy"/>, <see cref="SpreadSchedulingStrategy"/>,
/// <see cref="NodeAffinitySchedulingStrategy"/> or <see cref="PlacementGroupSchedulingStrategy"/>. These are
/// options only; the scheduler applies them.
/// </summary>
public abstract record SchedulingStrategy
{
    private protected SchedulingStrategy()
    {
    }

    /// <summary>The default strategy: a node that can run the work, preferring lightly loaded ones.</summary>
    public static SchedulingStrategy Default { get; } = new DefaultSchedulingStrategy();
}
