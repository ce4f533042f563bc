using Loom.ObjectStore;
using Loom.Worker;

namespace Loom.Serialization;

/// <summary>
/// Per-thread state of one serialization: the runtime that resolves nested ObjectRefs and the
/// entries of the refs written so far.
/// </summary>
internal static class SerializationScope
{
    [ThreadStatic]
    private static CoreRuntime? t_runtime;

    [ThreadStatic]
    private static List<ObjectEntry>? t_contained;

    public static CoreRuntime Runtime =>
        t_runtime ?? throw new InvalidOperationException("An ObjectRef or actor handle can only be read inside a Loom cluster's serializer; isolated worker processes do not support them inside arguments or results yet.");

    public static CoreRuntime? Enter(CoreRuntime? runtime)
    {
        var previous = t_runtime;
        t_runtime = runtime;
        t_contained?.Clear();
        return previous;
    }

    public static void Exit(CoreRuntime? previous) => t_runtime = previous;

    /// <summary>Records a ref written into the current object; the object will hold a reference to it.</summary>
    public static void AddContained(ObjectEntry entry)
    {
        entry.AddReference();
        (t_contained ??= []).Add(entry);
    }

    public static ObjectEntry[] TakeContained()
    {
        if (t_contained is not { Count: > 0 } list)
        {
            return [];
        }

        var result = list.ToArray();
        list.Clear();
        return result;
    }

    /// <summary>Drops the references taken by a serialization that failed.</summary>
    public static void Abandon()
    {
        foreach (var entry in TakeContained())
        {
            entry.RemoveReference();
        }
    }
}
