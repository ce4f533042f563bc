using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker;

/// <summary>One argument of a submitted task: a serialized value, or the entry of an ObjectRef to resolve.</summary>
internal readonly struct TaskArg
{
    public TaskArg(SerializedObject value)
    {
        Value = value;
        Reference = null;
    }

    public TaskArg(ObjectEntry reference)
    {
        Value = null;
        Reference = reference;
    }

    public SerializedObject? Value { get; }

    public ObjectEntry? Reference { get; }

    public SerializedObject Resolve() => Value ?? Reference!.Value;

    /// <summary>
    /// Pins the ObjectRef arguments in memory for a run (reading spilled ones back), all or none.
    /// Throws the argument's error if one was lost; a pinned value is never spilled.
    /// </summary>
    public static void PinAll(LocalObjectStore store, TaskArg[] args)
    {
        var pinned = 0;
        try
        {
            for (; pinned < args.Length; pinned++)
            {
                if (args[pinned].Reference is { } entry && !store.TryPin(entry))
                {
                    throw entry.State == ObjectState.Failed
                        ? entry.Error.ToException()
                        : new ObjectLostException(new ErrorInfo(ErrorKind.ObjectLost, entry.Producer, typeof(ObjectLostException).FullName!, $"Argument {pinned} (object {entry.Id}) was lost from disk and is being reconstructed; the task did not run.", null, LostObject: entry.Id));
                }
            }
        }
        catch
        {
            UnpinAll(store, args.AsSpan(0, pinned));
            throw;
        }
    }

    /// <summary>Unpins the ObjectRef arguments pinned by <see cref="PinAll"/>.</summary>
    public static void UnpinAll(LocalObjectStore store, ReadOnlySpan<TaskArg> args)
    {
        foreach (var arg in args)
        {
            if (arg.Reference is { } entry)
            {
                store.Unpin(entry);
            }
        }
    }

    /// <summary>Drops the task's hold on the argument once the task is over.</summary>
    public void Release()
    {
        if (Reference is not null)
        {
            Reference.RemoveReference();
        }
        else
        {
            Value?.ReleaseContainedRefs();
        }
    }
}
