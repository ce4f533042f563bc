namespace Loom;

/// <summary>A value cannot be serialized into the object store.</summary>
public sealed class LoomSerializationException : LoomException
{
    /// <summary>Creates the error for <paramref name="type"/>.</summary>
    public LoomSerializationException(Type type, string reason, Exception? innerException)
        : base($"Loom cannot serialize a value of type '{type.FullName}': {reason}. Objects are immutable values copied into the store: use a public type with public properties or fields (records work), mark it [MessagePackObject], or register a MessagePack formatter for it in LocalClusterOptions.SerializerResolver.", innerException)
    {
        ValueType = type;
    }

    /// <summary>The type that could not be serialized.</summary>
    public Type ValueType { get; }
}
