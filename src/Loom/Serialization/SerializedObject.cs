using Loom.ObjectStore;

namespace Loom.Serialization;

/// <summary>
/// An object's immutable serialized form: the bytes, how they were written, and the ids of the
/// ObjectRefs nested inside it (each kept alive for as long as this form exists).
/// </summary>
internal sealed class SerializedObject
{
    public SerializedObject(byte[] data, SerializedFormat format, ObjectEntry[] containedRefs)
        : this(data, data.Length, format, containedRefs, pool: null)
    {
    }

    public SerializedObject(byte[] data, int length, SerializedFormat format, ObjectEntry[] containedRefs, LargeBufferPool? pool)
    {
        Data = data;
        Length = length;
        Format = format;
        ContainedRefs = containedRefs;
        Pool = pool;
    }

    /// <summary>The buffer; only the first <see cref="Length"/> bytes belong to the object.</summary>
    public byte[] Data { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Data.AsSpan(0, Length);

    /// <summary>The pool the buffer returns to when the object is freed, if it came from one.</summary>
    public LargeBufferPool? Pool { get; }

    public SerializedFormat Format { get; }

    /// <summary>Entries of the ObjectRefs serialized inside this object; this object holds one reference to each.</summary>
    public ObjectEntry[] ContainedRefs { get; }

    public long SizeBytes => Length;

    /// <summary>Drops the value for good: nested references are released and a pooled buffer is reused.</summary>
    public void Free()
    {
        ReleaseContainedRefs();
        Pool?.Return(Data);
    }

    /// <summary>Drops this form's references to the objects nested inside it.</summary>
    public void ReleaseContainedRefs()
    {
        foreach (var entry in ContainedRefs)
        {
            entry.RemoveReference();
        }
    }
}
