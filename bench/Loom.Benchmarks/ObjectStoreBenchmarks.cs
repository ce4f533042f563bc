using BenchmarkDotNet.Attributes;
using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Benchmarks;

/// <summary>
/// The object store: Put + Get + Dispose through the public API of an embedded cluster, and the
/// pending-entry path a task result takes (CreatePending, Complete, both references released).
/// </summary>
[MemoryDiagnoser]
public class ObjectStoreBenchmarks
{
    private LoomCluster _cluster = null!;
    private LocalObjectStore _store = null!;
    private SerializedObject _value = null!;
    private NoOpWaiter _waiter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = LoomCluster.StartLocal(new LocalClusterOptions { NumCpus = 2, NumGpus = 0 });
        _store = new LocalObjectStore(1, 1L << 30);
        _value = _cluster.Runtime.Serializer.Serialize(42);
        _waiter = new NoOpWaiter();
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.Dispose();

    /// <summary>Put an int, get it back (already ready, so synchronous), dispose the ref (frees the object).</summary>
    [Benchmark]
    public int PutGetDispose()
    {
        using var reference = _cluster.Put(42);
        var get = _cluster.GetAsync(reference);
        return get.IsCompleted ? get.Result : get.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A task result's entry: created with two references, completed, released by owner and producer.</summary>
    [Benchmark]
    public bool CreatePendingComplete()
    {
        var entry = _store.CreatePending("bench");
        _store.Complete(entry, _value);
        entry.RemoveReference();
        entry.RemoveReference();
        return entry.State == ObjectState.Freed;
    }

    /// <summary>As <see cref="CreatePendingComplete"/>, with one waiter registered before completion.</summary>
    [Benchmark]
    public bool CreatePendingWaitComplete()
    {
        var entry = _store.CreatePending("bench");
        entry.OnCompleted(_waiter);
        _store.Complete(entry, _value);
        entry.RemoveReference();
        entry.RemoveReference();
        return entry.State == ObjectState.Freed;
    }

    private sealed class NoOpWaiter : IObjectWaiter
    {
        public void OnObjectCompleted(ObjectEntry entry)
        {
        }
    }
}
