namespace Loom;

/// <summary>
/// Runs the work on a node that can hold it, preferring nodes that can run it now and are lightly
/// loaded (Ray's hybrid policy). On a one-node cluster, that node.
/// </summary>
public sealed record DefaultSchedulingStrategy : SchedulingStrategy;
