namespace Loom.ObjectStore;

/// <content>Spilling: making room in memory by moving the least recently used unpinned values to disk.</content>
internal sealed partial class LocalObjectStore
{
    /// <summary>Spills at least this much beyond what is needed (bounded by a sixteenth of the capacity), so that rounds are rare.</summary>
    private const long MaxSpillSlackBytes = 64L << 20;

    /// <summary>One spiller at a time: it chooses victims, writes them and drops them from memory. Gets never take it unless they need room.</summary>
    private readonly Lock _spillGate = new();

    private void ReserveBySpilling(long size)
    {
        if (size > CapacityBytes)
        {
            throw Full(size, "it is larger than the whole in-memory capacity");
        }

        lock (_spillGate)
        {
            var collected = false;
            while (!TryTake(size))
            {
                if (SpillLeastRecentlyUsed(BytesInMemory + size - CapacityBytes) > 0)
                {
                    continue;
                }

                if (collected)
                {
                    throw Full(size, _spill.UsedBytes < _spill.BudgetBytes
                        ? "the objects in memory are pinned (arguments of running tasks, or being read) and cannot be spilled"
                        : "the spill disk budget is used up");
                }

                // Objects are also freed when their ObjectRefs are collected: collect once before giving up.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collected = true;
            }
        }
    }

    /// <summary>Spills least recently used values until at least <paramref name="needed"/> bytes (plus some slack) left memory; returns the bytes that left.</summary>
    private long SpillLeastRecentlyUsed(long needed)
    {
        var target = needed + Math.Min(CapacityBytes / 16, MaxSpillSlackBytes);
        var candidates = new List<(long LastUse, ObjectEntry Entry)>();
        foreach (var entry in _entries.Values)
        {
            if (entry.IsEvictable)
            {
                candidates.Add((entry.LastUse, entry));
            }
        }

        candidates.Sort(static (a, b) => a.LastUse.CompareTo(b.LastUse));
        long released = 0;
        foreach (var (_, entry) in candidates)
        {
            if (released >= target)
            {
                break;
            }

            // Hold a reference while writing, so the entry cannot be freed (and its buffer reused) meanwhile.
            if (!entry.TryAddReference())
            {
                continue;
            }

            try
            {
                released += Spill(entry);
            }
            finally
            {
                entry.RemoveReference();
            }
        }

        return released;
    }

    /// <summary>Writes one value to disk (unless an intact copy is there) and drops it from memory; returns the bytes dropped.</summary>
    private long Spill(ObjectEntry entry)
    {
        var value = entry.ValueToSpill(out var existing);
        if (value is null)
        {
            return 0;
        }

        var copy = existing is not null && SpillDirectory.Exists(existing.File) ? existing : null;
        if (copy is null)
        {
            if (existing is not null)
            {
                _spill.Delete(existing.File);
            }

            // Only this spiller drops values from memory, and it holds a reference: the buffer stays valid without a lock.
            var file = _spill.TryWrite(entry.Id, value.Span);
            if (file is null)
            {
                return 0;
            }

            copy = new SpilledObject(file, value.Format, value.ContainedRefs);
            Interlocked.Increment(ref _spillCount);
        }

        var dropped = entry.Evict(copy);
        if (dropped is null)
        {
            // Pinned or gone meanwhile: the copy stays recorded on the entry (or is deleted with it).
            return 0;
        }

        Interlocked.Add(ref _bytes, -dropped.SizeBytes);
        Interlocked.Decrement(ref _inMemory);
        Interlocked.Increment(ref _spilledObjects);
        Interlocked.Add(ref _spilledBytes, dropped.SizeBytes);
        dropped.Pool?.Return(dropped.Data);
        return dropped.SizeBytes;
    }

    private ObjectStoreFullException Full(long size, string reason) =>
        new(size, BytesInMemory, CapacityBytes, _spill.UsedBytes, _spill.BudgetBytes, reason);
}
