using Loom.Serialization;

namespace Loom.ObjectStore;

/// <content>Pinning values in memory for readers and running tasks, restoring spilled ones, and object loss.</content>
internal sealed partial class LocalObjectStore
{
    /// <summary>
    /// Pins a ready value in memory, reading it back from disk if it was spilled. False if the object
    /// has no value: it is pending (perhaps being reconstructed after a loss), failed (perhaps lost) or
    /// freed; the caller looks at its state. Throws <see cref="ObjectStoreFullException"/> if it
    /// cannot be brought back into memory.
    /// </summary>
    public bool TryPin(ObjectEntry entry)
    {
        while (true)
        {
            switch (entry.TryPin(Tick()))
            {
                case PinResult.Pinned:
                    return true;
                case PinResult.NotReady:
                    return false;
                default:
                    if (Restore(entry))
                    {
                        return true;
                    }

                    break;
            }
        }
    }

    /// <summary>Ends a pin; the value counts as used now.</summary>
    public void Unpin(ObjectEntry entry)
    {
        entry.Touch(Tick());
        entry.Unpin();
    }

    /// <summary>Reads a spilled value back into memory and pins it; false if its state changed meanwhile (the caller looks again).</summary>
    private bool Restore(ObjectEntry entry)
    {
        var spilled = entry.SpilledCopy();
        if (spilled is null)
        {
            return false;
        }

        var length = spilled.Length;
        Reserve(length);
        var buffer = _pool.Rent(length);
        try
        {
            SpillDirectory.Read(spilled.File, buffer.AsSpan(0, length));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Interlocked.Add(ref _bytes, -length);
            _pool.Return(buffer);
            Lose(entry, spilled, exception.Message);
            return false;
        }

        var restored = new SerializedObject(buffer, length, spilled.Format, spilled.ContainedRefs, _pool);
        var result = entry.Install(restored, spilled, Tick(), out var installed);
        if (installed)
        {
            Interlocked.Increment(ref _restoreCount);
            Interlocked.Increment(ref _inMemory);
            Interlocked.Decrement(ref _spilledObjects);
            Interlocked.Add(ref _spilledBytes, -length);
        }
        else
        {
            Interlocked.Add(ref _bytes, -length);
            _pool.Return(buffer);
        }

        return result == PinResult.Pinned;
    }

    /// <summary>
    /// The only copy of a value is gone: asks the entry's producer to make it again, else fails the
    /// object with an object-lost error. Either way every getter ends with a value or an error.
    /// </summary>
    private void Lose(ObjectEntry entry, SpilledObject spilled, string reason)
    {
        if (!entry.MarkLost(spilled))
        {
            return;
        }

        Interlocked.Decrement(ref _spilledObjects);
        Interlocked.Add(ref _spilledBytes, -spilled.Length);
        _spill.Delete(spilled.File);
        foreach (var contained in spilled.ContainedRefs)
        {
            contained.RemoveReference();
        }

        var reconstructing = false;
        if (!entry.IsPut && entry.Reconstructor is { } producer)
        {
            try
            {
                reconstructing = producer.TryReconstruct(entry);
            }
#pragma warning disable CA1031 // Whatever the producer throws, the object must still end in an error rather than hang.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                reason = $"{reason}; reconstruction failed: {exception.Message}";
            }
        }

        if (!reconstructing)
        {
            entry.Fail(ErrorInfo.Lost(entry, reason, entry.Reconstructor is not null));
        }
    }
}
