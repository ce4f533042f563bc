using Loom.ObjectStore;

namespace Loom.Serialization;

/// <summary>
/// An object's immutable serialized form: the bytes, how they were written, and the ids of the
/// ObjectRefs nested inside it (each kept alive for as long as this form exists).
/// </summary>
internal sealed class SerializedObject
{
    public SerializedObject(byte[] data, SerializedFormat format, ObjectEntry[] containedRefs)
    {
        Data = data;
        Format = format;
        ContainedRefs = containedRefs;
    }

    public byte[] Data { get; }

    public SerializedFormat Format { get; }

    /// <summary>Entries of the ObjectRefs serialized inside this object; this object holds one reference to each.</summary>
    public ObjectEntry[] ContainedRefs { get; }

    public long SizeBytes => Data.LongLength;

    /// <summary>Drops this form's references to the objects nested inside it.</summary>
    public void ReleaseContainedRefs()
    {
        foreach (var entry in ContainedRefs)
        {
            entry.RemoveReference();
        }
    }
}
