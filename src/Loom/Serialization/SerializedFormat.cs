namespace Loom.Serialization;

/// <summary>How an object's bytes were written.</summary>
internal enum SerializedFormat : byte
{
    /// <summary>MessagePack, with nested ObjectRefs as extension values.</summary>
    MessagePack = 0,

    /// <summary>The raw memory of a one-dimensional array of an unmanaged element type.</summary>
    RawArray = 1,
}
