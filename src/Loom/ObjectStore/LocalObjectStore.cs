using System.Collections.Concurrent;
using Loom.Serialization;

namespace Loom.ObjectStore;

/// <summary>
/// The node's object store: entries by id, the bytes they hold in memory, and the capacity. When a
/// value does not fit, the least recently used unpinned values are spilled to disk and read back when
/// needed. An entry leaves the store (memory and disk) when its last reference goes.
/// </summary>
internal sealed partial class LocalObjectStore
{
    /// <summary>The producer name of put objects.</summary>
    public const string PutProducer = "put";

    private readonly ConcurrentDictionary<ObjectId, ObjectEntry> _entries = new();
    private readonly ulong _nodeId;
    private readonly SpillDirectory _spill;
    private readonly LargeBufferPool _pool;
    private long _sequence;
    private long _clock;
    private long _bytes;
    private long _inMemory;
    private long _spilledObjects;
    private long _spilledBytes;
    private long _pinned;
    private long _spillCount;
    private long _restoreCount;

    /// <summary>A store that spills under the temp directory and has a buffer pool of its own.</summary>
    public LocalObjectStore(ulong nodeId, long capacityBytes)
        : this(nodeId, capacityBytes, new SpillDirectory(null, nodeId, null), new LargeBufferPool(capacityBytes / 4))
    {
    }

    public LocalObjectStore(ulong nodeId, long capacityBytes, SpillDirectory spill, LargeBufferPool pool)
    {
        _nodeId = nodeId;
        CapacityBytes = capacityBytes;
        _spill = spill;
        _pool = pool;
    }

    /// <summary>Raised after an entry is freed; for diagnostics and tests.</summary>
    public event Action<ObjectEntry>? Freed;

    public long CapacityBytes { get; }

    public long BytesInMemory => Volatile.Read(ref _bytes);

    public int Count => _entries.Count;

    /// <summary>The folder spill files go to (made on first spill).</summary>
    public string SpillFolder => _spill.FolderPath;

    /// <summary>A snapshot of the store's counters.</summary>
    public ObjectStoreStatus Status() => new(Count, BytesInMemory, CapacityBytes)
    {
        ObjectsInMemory = Volatile.Read(ref _inMemory),
        SpilledObjects = Volatile.Read(ref _spilledObjects),
        SpilledBytes = Volatile.Read(ref _spilledBytes),
        SpillDiskBytes = _spill.UsedBytes,
        PinnedObjects = Volatile.Read(ref _pinned),
        SpillCount = Volatile.Read(ref _spillCount),
        RestoreCount = Volatile.Read(ref _restoreCount),
    };

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
        var entry = new ObjectEntry(this, NextId(), PutProducer, initialReferences: 1);
        _entries[entry.Id] = entry;
        CompleteReserved(entry, value);
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
        entry.Touch(Tick());
        if (entry.Complete(value))
        {
            Interlocked.Increment(ref _inMemory);
        }
        else
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
        var value = entry.TakeForFree(out var spilled);
        if (value is not null)
        {
            Interlocked.Add(ref _bytes, -value.SizeBytes);
            Interlocked.Decrement(ref _inMemory);
            value.Free();
        }
        else if (spilled is not null)
        {
            Interlocked.Decrement(ref _spilledObjects);
            Interlocked.Add(ref _spilledBytes, -spilled.Length);
            foreach (var contained in spilled.ContainedRefs)
            {
                contained.RemoveReference();
            }
        }

        if (spilled is not null)
        {
            _spill.Delete(spilled.File);
        }

        Freed?.Invoke(entry);
    }

    /// <summary>
    /// Takes room for <paramref name="size"/> bytes in memory, spilling least recently used objects to
    /// disk if needed, or throws <see cref="ObjectStoreFullException"/>.
    /// </summary>
    public void Reserve(long size)
    {
        if (!TryTake(size))
        {
            ReserveBySpilling(size);
        }
    }

    /// <summary>Removes the spill folder and its files; called when the cluster stops.</summary>
    public void RemoveSpillFolder() => _spill.Dispose();

    internal void OnPinChanged(int delta) => Interlocked.Add(ref _pinned, delta);

    private bool TryTake(long size)
    {
        if (Interlocked.Add(ref _bytes, size) <= CapacityBytes)
        {
            return true;
        }

        Interlocked.Add(ref _bytes, -size);
        return false;
    }

    private long Tick() => Interlocked.Increment(ref _clock);

    private ObjectId NextId() => new(_nodeId, (ulong)Interlocked.Increment(ref _sequence));
}
