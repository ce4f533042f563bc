namespace Loom;

/// <summary>Spreads work over the nodes that can hold it, best effort. On a one-node cluster, that node.</summary>
public sealed record SpreadSchedulingStrategy : SchedulingStrategy;
