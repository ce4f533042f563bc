using Loom.ObjectStore;
using Loom.Worker;

namespace Loom;

/// <summary>
/// A reference to an immutable object in the Loom object store: the result of a task or actor call
/// (a future) or a value put with <see cref="LoomCluster.Put{T}(T)"/>. The object lives while any
/// reference to it lives: this handle, copies nested in other objects, or tasks that take it as an
/// argument. Dispose a handle to release it at once; otherwise the garbage collector releases it.
/// </summary>
public abstract class ObjectRef : IEquatable<ObjectRef>, IDisposable
{
    private readonly ObjectEntry _entry;
    private int _released;

    private protected ObjectRef(CoreRuntime runtime, ObjectEntry entry)
    {
        Runtime = runtime;
        _entry = entry;
    }

    /// <summary>Releases the reference if it was not disposed.</summary>
    ~ObjectRef()
    {
        Release();
    }

    /// <summary>The object's id.</summary>
    public ObjectId Id => _entry.Id;

    /// <summary>True once the object is ready or its task failed: a get will not wait.</summary>
    public bool IsCompleted => _entry.IsCompleted;

    internal CoreRuntime Runtime { get; }

    /// <summary>The entry, checked to be still referenced by this handle.</summary>
    internal ObjectEntry LiveEntry =>
        Volatile.Read(ref _released) == 0
            ? _entry
            : throw new ObjectDisposedException(nameof(ObjectRef), $"ObjectRef {_entry.Id} was disposed; keep it undisposed while you still use it.");

    /// <summary>Releases this handle's reference to the object.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public bool Equals(ObjectRef? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ObjectRef);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"ObjectRef({Id})";

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _entry.RemoveReference();
        }
    }
}
