using System.Collections.Concurrent;
using Loom.Serialization;

namespace Loom.ObjectStore;

/// <summary>
/// The node's in-memory object store: entries by id, the bytes they hold, and the capacity.
/// An entry leaves the store when its last reference goes.
/// </summary>
internal sealed class LocalObjectStore
{
    private readonly ConcurrentDictionary<ObjectId, ObjectEntry> _entries = new();
    private readonly ulong _nodeId;
    private long _sequence;
    private long _bytes;
    private long _freed;

    public LocalObjectStore(ulong nodeId, long capacityBytes)
    {
        _nodeId = nodeId;
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    public long BytesInMemory => Volatile.Read(ref _bytes);

    public int Count => _entries.Count;

    public long FreedCount => Volatile.Read(ref _freed);

    /// <summary>An entry for a task's result, held by the caller's ObjectRef and by the producing task.</summary>
    public ObjectEntry CreatePending(string producer)
    {
        var entry = new ObjectEntry(this, NextId(), producer, initialReferences: 2);
        _entries[entry.Id] = entry;
        return entry;
    }

    /// <summary>An entry for a put object, held by the caller's ObjectRef.</summary>
    public ObjectEntry CreateReady(SerializedObject value)
    {
        Reserve(value.SizeBytes);
        var entry = new ObjectEntry(this, NextId(), "put", initialReferences: 1);
        _entries[entry.Id] = entry;
        entry.Complete(value);
        return entry;
    }

    /// <summary>Stores a task's result in its entry, within the store's capacity.</summary>
    public void Complete(ObjectEntry entry, SerializedObject value)
    {
        Reserve(value.SizeBytes);
        CompleteReserved(entry, value);
    }

    /// <summary>Completes <paramref name="entry"/> with a value whose room was taken with <see cref="Reserve"/>.</summary>
    public void CompleteReserved(ObjectEntry entry, SerializedObject value)
    {
        if (!entry.Complete(value))
        {
            Interlocked.Add(ref _bytes, -value.SizeBytes);
        }
    }

    public bool TryGet(ObjectId id, out ObjectEntry entry) => _entries.TryGetValue(id, out entry!);

    /// <summary>Every entry in the store (a moment's snapshot, for shutdown and diagnostics).</summary>
    public IEnumerable<ObjectEntry> Entries => _entries.Values;

    public void Free(ObjectEntry entry)
    {
        _entries.TryRemove(entry.Id, out _);
        var value = entry.TakeForFree();
        if (value is not null)
        {
            Interlocked.Add(ref _bytes, -value.SizeBytes);
            value.Free();
        }

        Interlocked.Increment(ref _freed);
    }

    /// <summary>Takes room for <paramref name="size"/> bytes, or throws <see cref="ObjectStoreFullException"/>.</summary>
    public void Reserve(long size)
    {
        if (Interlocked.Add(ref _bytes, size) <= CapacityBytes)
        {
            return;
        }

        Interlocked.Add(ref _bytes, -size);

        // Objects are freed when their ObjectRefs are collected: collect once before giving up.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (Interlocked.Add(ref _bytes, size) <= CapacityBytes)
        {
            return;
        }

        Interlocked.Add(ref _bytes, -size);
        throw new ObjectStoreFullException(size, BytesInMemory, CapacityBytes);
    }

    private ObjectId NextId() => new(_nodeId, (ulong)Interlocked.Increment(ref _sequence));
}
