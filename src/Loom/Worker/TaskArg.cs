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
