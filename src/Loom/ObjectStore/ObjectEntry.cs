using Loom.Serialization;

namespace Loom.ObjectStore;

/// <summary>
/// One object in the store: its state, its serialized value or error, the references that keep it
/// alive, and whoever waits for it. Completion happens once; waiters registered after it run at once.
/// </summary>
internal sealed class ObjectEntry
{
    private readonly LocalObjectStore _store;
    private volatile ObjectState _state;
    private SerializedObject? _value;
    private ErrorInfo? _error;
    private int _refCount;
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

    /// <summary>The value; only valid once <see cref="State"/> is <see cref="ObjectState.Ready"/>.</summary>
    public SerializedObject Value => _value ?? throw new InvalidOperationException($"Object {Id} has no value in state {_state}.");

    /// <summary>The error; only valid once <see cref="State"/> is <see cref="ObjectState.Failed"/>.</summary>
    public ErrorInfo Error => _error ?? throw new InvalidOperationException($"Object {Id} has no error in state {_state}.");

    public void AddReference() => Interlocked.Increment(ref _refCount);

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

    /// <summary>Marks the object freed and returns its value for the store to account and drop.</summary>
    public SerializedObject? TakeForFree()
    {
        lock (this)
        {
            var value = _value;
            _value = null;
            _state = ObjectState.Freed;
            return value;
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
