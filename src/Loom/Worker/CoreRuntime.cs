using System.Globalization;
using Loom.Actors;
using Loom.Node;
using Loom.ObjectStore;
using Loom.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loom.Worker;

/// <summary>
/// The engine behind a <see cref="LoomCluster"/>: submission and ownership of tasks (the worker),
/// the node's scheduler and resources, the object store, and the actors. One instance per node.
/// </summary>
internal sealed partial class CoreRuntime
{
    private long _taskSequence;
    private int _stopping;

    public CoreRuntime(LoomCluster cluster, LocalClusterOptions options)
    {
        Cluster = cluster;
        Options = options;
        NodeName = options.NodeName ?? Environment.MachineName;
        NodeKey = (ulong)Random.Shared.NextInt64() & 0x7FFF_FFFF_FFFF_FFFF;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Loom");
        TimeProvider = options.TimeProvider;

        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var cpus = options.NumCpus ?? Environment.ProcessorCount;
        var gpus = options.NumGpus ?? GpuDetector.Detect();
        if (gpus < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), gpus, "NumGpus must be 0 or more.");
        }

        var memory = options.MemoryBytes ?? (long)(available * 0.7);
        var storeCapacity = options.ObjectStoreMemoryBytes ?? (long)(available * 0.3);
        var node = ResourceShape.From(cpus, 0, memory, options.CustomResources, "The node");
        if (storeCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), storeCapacity, "ObjectStoreMemoryBytes must be positive.");
        }

        Scheduler = new LocalScheduler(new ResourcePool(node.Cpu, gpus, memory, options.CustomResources ?? new Dictionary<string, double>()));
        var pool = new LargeBufferPool(storeCapacity / 4);
        Store = new LocalObjectStore(NodeKey, storeCapacity, new SpillDirectory(options.ObjectSpillDirectory, NodeKey, options.ObjectSpillDiskBytes), pool);
        Serializer = new ObjectSerializer(this, options.SerializerResolver, pool);
        Actors = new ActorDirectory(this);
        PlacementGroups = new PlacementGroups.PlacementGroupDirectory(this);
        Executors = new TaskExecutors(options);
        Log.Started(Logger, NodeName, cpus, gpus, memory, storeCapacity);
    }

    public LoomCluster Cluster { get; }

    public LocalClusterOptions Options { get; }

    public string NodeName { get; }

    public ulong NodeKey { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public LocalScheduler Scheduler { get; }

    public LocalObjectStore Store { get; }

    public ObjectSerializer Serializer { get; }

    public ActorDirectory Actors { get; }

    public PlacementGroups.PlacementGroupDirectory PlacementGroups { get; }

    public TaskCounters Counters { get; } = new();

    /// <summary>Where tasks run: this process, or the node's worker processes.</summary>
    public TaskExecutors Executors { get; }

    public bool IsStopping => Volatile.Read(ref _stopping) != 0;

    public TaskId NextTaskId() => new((ulong)Interlocked.Increment(ref _taskSequence));

    public TaskTemplate Template(TaskBody body) => new(this, body, TaskOptions.Default);

    public ObjectRef<TResult> Submit<TResult>(TaskTemplate template, TaskArg[] args)
    {
        ThrowIfStopping();
        var result = Store.CreatePending(template.Name);
        var spec = new TaskSpec(this, NextTaskId(), template, args, result);
        result.Work = spec;
        if (spec.KeepsLineage)
        {
            result.Reconstructor = spec;
        }

        var reference = new ObjectRef<TResult>(this, result);
        spec.Placement = template.Placement;
        LoomContext.CurrentOrNull?.Task?.AddChild(spec);
        spec.Start();
        return reference;
    }

    public static TaskArg ArgFromRef(ObjectRef reference)
    {
        var entry = reference.LiveEntry;
        entry.AddReference();
        GC.KeepAlive(reference);
        return new TaskArg(entry);
    }

    public ObjectRef<T> Put<T>(T value)
    {
        ThrowIfStopping();
        var serialized = Serializer.Serialize(value);
        try
        {
            return new ObjectRef<T>(this, Store.CreateReady(serialized));
        }
        catch
        {
            serialized.Free();
            throw;
        }
    }

    /// <summary>A new handle for a nested ref being deserialized; the enclosing object keeps the entry alive.</summary>
    public ObjectRef<T> RefFromId<T>(ObjectId id)
    {
        if (!Store.TryGet(id, out var entry))
        {
            throw new InvalidOperationException($"Object {id} is no longer in the store.");
        }

        entry.AddReference();
        return new ObjectRef<T>(this, entry);
    }

    /// <summary>
    /// Reads a completed object (restoring it from disk if it was spilled): true with a fresh copy of the
    /// value, throws its error, or false if it went back to pending (reconstruction after a loss).
    /// </summary>
    public bool TryRead<T>(ObjectEntry entry, out T value)
    {
        if (Store.TryPin(entry))
        {
            try
            {
                value = Serializer.Deserialize<T>(entry.Value);
                return true;
            }
            finally
            {
                Store.Unpin(entry);
            }
        }

        value = default!;
        return entry.State switch
        {
            ObjectState.Failed => throw entry.Error.ToException(),
            ObjectState.Pending => false,
            _ => throw new InvalidOperationException($"Object {entry.Id} is {entry.State}."),
        };
    }

    /// <summary>Cancels the work making <paramref name="reference"/>'s object; false when there is none left to cancel.</summary>
    public static bool Cancel(ObjectRef reference, bool force, bool recursive)
    {
        var entry = reference.LiveEntry;
        GC.KeepAlive(reference);
        if (entry.Work is not { } work)
        {
            return false;
        }

        if (!force || work is not TaskSpec spec)
        {
            return work.Cancel(recursive);
        }

        if (spec.Body.Isolation != IsolationMode.Process)
        {
            throw new NotSupportedException($"Force-cancelling kills the worker process of an isolated task; task '{spec.Name}' runs in the node's process, where its thread cannot be killed. Cancel without force (its LoomContext.CancellationToken is signalled and its getters fail at once), or run it with WithIsolation().");
        }

        var cancelled = spec.Cancel(recursive);
        reference.Runtime.Executors.TryKill(spec);
        return cancelled;
    }

    public ResourcesInfeasibleException Infeasible(string owner, ResourceShape shape, string problems)
    {
        var pool = Scheduler.Pool;
        var totals = new ResourceShape(pool.TotalCpu, pool.TotalGpu, pool.TotalMemory, [.. pool.CustomTotal.OrderBy(kv => kv.Key, StringComparer.Ordinal)]);
        return new ResourcesInfeasibleException(owner, shape.ToString(), totals.ToString(), problems);
    }

    public void ThrowIfStopping()
    {
        if (IsStopping)
        {
            throw new ObjectDisposedException(nameof(LoomCluster), "The Loom cluster has been disposed; start a new one to submit more work.");
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }

        const string Reason = "the cluster was shut down";
        Scheduler.Stop(Reason);
        PlacementGroups.RemoveAll(Reason);
        Actors.KillAll(Reason);
        var idle = Counters.WhenNoneRunning();
        if (await Task.WhenAny(idle, Task.Delay(Options.ShutdownTimeout, TimeProvider)).ConfigureAwait(false) != idle)
        {
            Log.ShutdownTimedOut(Logger, Counters[TaskPhase.Running], Options.ShutdownTimeout);
        }

        Executors.Dispose();

        // Whatever is still running will not be waited for: no getter may wait for it either.
        foreach (var entry in Store.Entries)
        {
            if (!entry.IsCompleted)
            {
                entry.Fail(new ErrorInfo(ErrorKind.Shutdown, entry.Producer, typeof(OperationCanceledException).FullName!, $"'{entry.Producer}' did not finish before {Reason}.", null));
            }
        }

        Store.RemoveSpillFolder();
        Log.Stopped(Logger, NodeName, Counters[TaskPhase.Succeeded], Counters[TaskPhase.Failed]);
    }

    public ClusterStatus Status()
    {
        var pool = Scheduler.Pool;
        List<ResourceUsage> resources =
        [
            new("CPU", ResourceShape.FromUnits(pool.TotalCpu), ResourceShape.FromUnits(pool.TotalCpu - pool.FreeCpu)),
            new("GPU", pool.GpuCount, ResourceShape.FromUnits(pool.TotalGpu - pool.FreeGpu)),
            new("memory", pool.TotalMemory, pool.TotalMemory - pool.FreeMemory),
        ];
        foreach (var (name, total) in pool.CustomTotal.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            resources.Add(new(name, ResourceShape.FromUnits(total), ResourceShape.FromUnits(total - pool.CustomFree[name])));
        }

        return new ClusterStatus(
            NodeName,
            resources,
            new TaskStateCounts(
                Counters[TaskPhase.WaitingForArguments],
                Counters[TaskPhase.Queued],
                Counters[TaskPhase.Running],
                Counters[TaskPhase.Succeeded],
                Counters[TaskPhase.Failed]),
            Actors.Counts(),
            Store.Status());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Loom node {NodeName}");
}
