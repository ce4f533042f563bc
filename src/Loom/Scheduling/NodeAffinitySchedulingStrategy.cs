namespace Loom;

/// <summary>
/// Runs the work on the node <paramref name="NodeId"/>. If no such node exists, a hard affinity fails at
/// submission (<see cref="TaskUnschedulableException"/>) and a soft one falls back to the default strategy.
/// </summary>
/// <param name="NodeId">The node's id (<see cref="LoomCluster.NodeId"/>, <see cref="LoomContext.NodeId"/>).</param>
/// <param name="Soft">True to fall back to another node when that one is unknown.</param>
public sealed record NodeAffinitySchedulingStrategy(string NodeId, bool Soft = false) : SchedulingStrategy;
