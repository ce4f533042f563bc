using Loom.Serialization;

namespace Loom.ObjectStore;

/// <summary>
/// One object in the store: its state, its serialized value or error, the references that keep it
/// alive, and whoever waits for it. Completion happens once; waiters registered after it run at once.
/// A ready value lives in memory, on disk (spilled), or both; readers pin it in memory while they read.
/// </summary>
internal sealed class ObjectEntry
{
    private readonly LocalObjectStore _store;
    private volatile ObjectState _state;
    private SerializedObject? _value;
    private SpilledObject? _spilled;
    private ErrorInfo? _error;
    private int _refCount;
    private int _pins;
    private long _lastUse;
    private object? _waiters;
    private TaskCompletionSource? _completion;

    public ObjectEntry(LocalObjectStore store, ObjectId id, string producer, int initialReferences)
    {
        _store = store;
        Id = id;
        Producer = producer;
        _refCount = initialReferences;
    }

    public ObjectId Id { get; }

    /// <summary>What made the object: a task name, or "put".</summary>
    public string Producer { get; }

    public ObjectState State => _state;

    /// <summary>The task or actor call making the object, while it may still be acted on (cancelled).</summary>
    public IProducingWork? Work { get; set; }

    public bool IsCompleted => _state is ObjectState.Ready or ObjectState.Failed;

    public int ReferenceCount => Volatile.Read(ref _refCount);

    /// <summary>True for objects made with Put, which cannot be reconstructed.</summary>
    public bool IsPut => ReferenceEquals(Producer, LocalObjectStore.PutProducer);

    /// <summary>What can make the object again if its spilled copy is lost; null if nothing can.</summary>
    public IObjectProducer? Reconstructor { get; set; }

    /// <summary>Readers and running tasks holding the value in memory; a pinned value is never spilled.</summary>
    public int PinCount => Volatile.Read(ref _pins);

    /// <summary>The store's clock at the last use; the least recently used values spill first.</summary>
    public long LastUse => Volatile.Read(ref _lastUse);

    /// <summary>True when the value is ready and only on disk.</summary>
    public bool IsSpilled => _state == ObjectState.Ready && Volatile.Read(ref _value) is null;

    /// <summary>A hint, read without the lock: ready, in memory and unpinned.</summary>
    public bool IsEvictable => _state == ObjectState.Ready && Volatile.Read(ref _value) is not null && Volatile.Read(ref _pins) == 0;

    /// <summary>The value; only valid once <see cref="State"/> is <see cref="ObjectState.Ready"/>.</summary>
    public SerializedObject Value => _value ?? throw new InvalidOperationException($"Object {Id} has no value in state {_state}.");

    /// <summary>The error; only valid once <see cref="State"/> is <see cref="ObjectState.Failed"/>.</summary>
    public ErrorInfo Error => _error ?? throw new InvalidOperationException($"Object {Id} has no error in state {_state}.");

    public void AddReference() => Interlocked.Increment(ref _refCount);

    /// <summary>Adds a reference unless the last one is already gone (the entry is being freed).</summary>
    public bool TryAddReference()
    {
        var count = Volatile.Read(ref _refCount);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref _refCount, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    public void RemoveReference()
    {
        var left = Interlocked.Decrement(ref _refCount);
        if (left == 0)
        {
            _store.Free(this);
        }
        else if (left < 0)
        {
            throw new InvalidOperationException($"Object {Id} was released more often than it was referenced.");
        }
    }

    /// <summary>Marks the object freed and hands its in-memory value and disk copy to the store to drop.</summary>
    public SerializedObject? TakeForFree(out SpilledObject? spilled)
    {
        lock (this)
        {
            var value = _value;
            spilled = _spilled;
            _value = null;
            _spilled = null;
            _state = ObjectState.Freed;
            return value;
        }
    }

    public void Touch(long tick) => Volatile.Write(ref _lastUse, tick);

    /// <summary>Pins the value in memory if it is there.</summary>
    public PinResult TryPin(long tick)
    {
        lock (this)
        {
            if (_state != ObjectState.Ready)
            {
                return PinResult.NotReady;
            }

            if (_value is null)
            {
                return PinResult.OnDisk;
            }

            PinLocked(tick);
            return PinResult.Pinned;
        }
    }

    public void Unpin()
    {
        lock (this)
        {
            if (_pins <= 0)
            {
                throw new InvalidOperationException($"Object {Id} was unpinned more often than it was pinned.");
            }

            if (--_pins == 0)
            {
                _store.OnPinChanged(-1);
            }
        }
    }

    /// <summary>The value and its existing disk copy, if the value may be spilled now (ready, in memory, unpinned).</summary>
    public SerializedObject? ValueToSpill(out SpilledObject? existing)
    {
        lock (this)
        {
            existing = _spilled;
            return _state == ObjectState.Ready && _pins == 0 ? _value : null;
        }
    }

    /// <summary>The disk copy of a value that is only on disk, or null.</summary>
    public SpilledObject? SpilledCopy()
    {
        lock (this)
        {
            return _state == ObjectState.Ready && _value is null ? _spilled : null;
        }
    }

    /// <summary>
    /// Records the disk copy and drops the in-memory value if nobody pinned it meanwhile; returns the
    /// dropped value (its buffer is free to reuse, its nested refs now belong to the disk copy).
    /// </summary>
    public SerializedObject? Evict(SpilledObject copy)
    {
        lock (this)
        {
            if (_state != ObjectState.Ready || _value is null)
            {
                return null;
            }

            _spilled = copy;
            if (_pins != 0)
            {
                return null;
            }

            var value = _value;
            _value = null;
            return value;
        }
    }

    /// <summary>
    /// Puts a value read back from disk in memory, pinned for the caller. If someone restored it
    /// meanwhile, theirs is pinned instead and <paramref name="installed"/> is false.
    /// </summary>
    public PinResult Install(SerializedObject restored, SpilledObject from, long tick, out bool installed)
    {
        installed = false;
        lock (this)
        {
            if (_state != ObjectState.Ready)
            {
                return PinResult.NotReady;
            }

            if (_value is null)
            {
                if (!ReferenceEquals(_spilled, from))
                {
                    return PinResult.OnDisk;
                }

                _value = restored;
                installed = true;
            }

            PinLocked(tick);
            return PinResult.Pinned;
        }
    }

    /// <summary>
    /// The disk copy <paramref name="from"/> cannot be read: the object goes back to pending (so
    /// getters wait for a reconstruction or an error). False if someone else already handled it.
    /// </summary>
    public bool MarkLost(SpilledObject from)
    {
        lock (this)
        {
            if (_state != ObjectState.Ready || _value is not null || !ReferenceEquals(_spilled, from))
            {
                return false;
            }

            _spilled = null;
            _state = ObjectState.Pending;
            _completion = null;
            return true;
        }
    }

    /// <summary>Stores the value and wakes the waiters; false (and the value dropped) if already completed.</summary>
    public bool Complete(SerializedObject value)
    {
        object? waiters;
        TaskCompletionSource? completion;
        lock (this)
        {
            if (_state != ObjectState.Pending)
            {
                value.ReleaseContainedRefs();
                return false;
            }

            _value = value;
            _state = ObjectState.Ready;
            (waiters, _waiters, completion) = (_waiters, null, _completion);
        }

        Notify(waiters, completion);
        return true;
    }

    public void Fail(ErrorInfo error)
    {
        object? waiters;
        TaskCompletionSource? completion;
        lock (this)
        {
            if (_state != ObjectState.Pending)
            {
                return;
            }

            _error = error;
            _state = ObjectState.Failed;
            (waiters, _waiters, completion) = (_waiters, null, _completion);
        }

        Notify(waiters, completion);
    }

    /// <summary>Calls <paramref name="waiter"/> once the object completes (at once if it already has).</summary>
    public void OnCompleted(IObjectWaiter waiter)
    {
        if (!IsCompleted)
        {
            lock (this)
            {
                if (!IsCompleted)
                {
                    switch (_waiters)
                    {
                        case null:
                            _waiters = waiter;
                            break;
                        case List<IObjectWaiter> list:
                            list.Add(waiter);
                            break;
                        default:
                            _waiters = new List<IObjectWaiter> { (IObjectWaiter)_waiters, waiter };
                            break;
                    }

                    return;
                }
            }
        }

        waiter.OnObjectCompleted(this);
    }

    /// <summary>A task that completes when the object is ready or failed.</summary>
    public Task WhenCompleted()
    {
        if (IsCompleted)
        {
            return Task.CompletedTask;
        }

        lock (this)
        {
            if (IsCompleted)
            {
                return Task.CompletedTask;
            }

            _completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _completion.Task;
        }
    }

    public override string ToString() => $"{Id} ({Producer}, {_state})";

    private void PinLocked(long tick)
    {
        if (_pins++ == 0)
        {
            _store.OnPinChanged(1);
        }

        _lastUse = tick;
    }

    private void Notify(object? waiters, TaskCompletionSource? completion)
    {
        switch (waiters)
        {
            case null:
                break;
            case List<IObjectWaiter> list:
                foreach (var waiter in list)
                {
                    waiter.OnObjectCompleted(this);
                }

                break;
            default:
                ((IObjectWaiter)waiters).OnObjectCompleted(this);
                break;
        }

        completion?.TrySetResult();
    }
}
