using MessagePack;
using MessagePack.Resolvers;
using Loom.Worker;

namespace Loom.Serialization;

/// <summary>
/// Turns values into immutable <see cref="SerializedObject"/>s and back: raw memory for arrays of
/// unmanaged elements, MessagePack (contract-less, so plain classes and records work) for the rest,
/// with nested ObjectRefs written as ids. Used for every argument, result and put, on one node or many.
/// </summary>
internal sealed class ObjectSerializer
{
    private readonly CoreRuntime? _runtime;
    private readonly MessagePackSerializerOptions _options;

    public ObjectSerializer(CoreRuntime? runtime, IFormatterResolver? userResolver, LargeBufferPool pool)
    {
        _runtime = runtime;
        Pool = pool;
        IFormatterResolver[] resolvers = userResolver is null
            ? [ObjectRefFormatterResolver.Instance, StandardResolverAllowPrivate.Instance, ContractlessStandardResolverAllowPrivate.Instance]
            : [ObjectRefFormatterResolver.Instance, userResolver, StandardResolverAllowPrivate.Instance, ContractlessStandardResolverAllowPrivate.Instance];
        // Objects come from this process or from the cluster's own nodes, so the trusted-data mode applies.
        _options = MessagePackSerializerOptions.Standard.WithResolver(CompositeResolver.Create(resolvers));
    }

    /// <summary>Where the buffers of large raw arrays come from and go back to.</summary>
    public LargeBufferPool Pool { get; }

    public SerializedObject Serialize<T>(T value)
    {
        if (RawArrayCodec<T>.Instance is { } raw && value is not null)
        {
            return raw.Write(value, Pool);
        }

        SerializabilityCheck<T>.ThrowIfUnsupported();
        var previous = SerializationScope.Enter(_runtime);
        try
        {
            var data = MessagePackSerializer.Serialize(value, _options);
            return new SerializedObject(data, SerializedFormat.MessagePack, SerializationScope.TakeContained());
        }
        catch (MessagePackSerializationException exception)
        {
            SerializationScope.Abandon();
            throw new LoomSerializationException(typeof(T), Describe(exception), exception);
        }
        finally
        {
            SerializationScope.Exit(previous);
        }
    }

    public T Deserialize<T>(SerializedObject value)
    {
        if (value.Format == SerializedFormat.RawArray)
        {
            return RawArrayCodec<T>.Instance is { } raw
                ? raw.Read(value)
                : throw new LoomSerializationException(typeof(T), "the object holds a raw array of another type", null);
        }

        var previous = SerializationScope.Enter(_runtime);
        try
        {
            return MessagePackSerializer.Deserialize<T>(value.Data.AsMemory(0, value.Length), _options);
        }
        catch (MessagePackSerializationException exception)
        {
            throw new LoomSerializationException(typeof(T), Describe(exception), exception);
        }
        finally
        {
            SerializationScope.Exit(previous);
        }
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
