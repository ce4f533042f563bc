using Loom.Node;
using Loom.Worker;

namespace Loom;

/// <summary>
/// What a running task or actor method knows about itself: its ids, its node, the resources and GPU
/// ids assigned to it, and the cluster handle for nested tasks. Read it with <see cref="Current"/>.
/// </summary>
public sealed class LoomContext
{
    private static readonly AsyncLocal<LoomContext?> Ambient = new();
    private int[]? _gpuIds;

    internal LoomContext(CoreRuntime runtime, TaskId taskId, string taskName, ActorId? actorId, ResourceAllocation allocation, bool lendsCpuWhileWaiting, CancellationSource? cancellation = null, TaskSpec? task = null)
    {
        Cancellation = cancellation;
        Task = task;
        Runtime = runtime;
        TaskId = taskId;
        TaskName = taskName;
        ActorId = actorId;
        Allocation = allocation;
        LendsCpuWhileWaiting = lendsCpuWhileWaiting;
    }

    /// <summary>
    /// The context of the task or actor method running on this thread or async flow.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not inside a Loom task or actor method.</exception>
    public static LoomContext Current =>
        Ambient.Value ?? throw new InvalidOperationException("LoomContext.Current is only available inside a Loom task or actor method; use LoomContext.CurrentOrNull to test for one.");

    /// <summary>The context of the running task or actor method, or null outside one.</summary>
    public static LoomContext? CurrentOrNull => Ambient.Value;

    /// <summary>The id of the running task, or of the actor call.</summary>
    public TaskId TaskId { get; }

    /// <summary>The name of the running task or actor method.</summary>
    public string TaskName { get; }

    /// <summary>The actor this call runs on, or null in a plain task.</summary>
    public ActorId? ActorId { get; }

    /// <summary>The node the work runs on.</summary>
    public string NodeId => Runtime.NodeName;

    /// <summary>The cluster, for submitting nested tasks, putting and getting objects, and calling actors.</summary>
    public LoomCluster Cluster => Runtime.Cluster;

    /// <summary>The GPU ids assigned (distinct per whole GPU; a fractional request shares one id).</summary>
    public IReadOnlyList<int> GpuIds => _gpuIds ??= (int[])Allocation.GpuIds.Clone();

    /// <summary>The CPUs assigned.</summary>
    public double Cpus => ResourceShape.FromUnits(Allocation.Shape.Cpu);

    /// <summary>The GPUs assigned (fractional for a shared GPU).</summary>
    public double Gpus => ResourceShape.FromUnits(Allocation.Shape.Gpu);

    /// <summary>The memory reserved, in bytes.</summary>
    public long MemoryBytes => Allocation.Shape.Memory;

    /// <summary>
    /// Signalled when the task is cancelled (<see cref="LoomCluster.Cancel"/>); long-running code should
    /// pass it on or check it, and may end with <see cref="OperationCanceledException"/>.
    /// </summary>
    public CancellationToken CancellationToken => Cancellation?.Token ?? CancellationToken.None;

    /// <summary>The custom resources assigned, by name.</summary>
    public IReadOnlyDictionary<string, double> CustomResources =>
        Allocation.Shape.Custom.ToDictionary(kv => kv.Key, kv => ResourceShape.FromUnits(kv.Value), StringComparer.Ordinal);

    internal CoreRuntime Runtime { get; }

    internal CancellationSource? Cancellation { get; }

    /// <summary>The running task, for tracking the tasks it submits (null in actor calls).</summary>
    internal TaskSpec? Task { get; }

    internal ResourceAllocation Allocation { get; }

    /// <summary>Tasks lend their CPUs back while they wait on other objects; actors keep theirs.</summary>
    internal bool LendsCpuWhileWaiting { get; }

    internal static LoomContext? Swap(LoomContext? context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return previous;
    }
}
