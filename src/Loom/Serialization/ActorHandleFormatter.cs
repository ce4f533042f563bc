using MessagePack;
using MessagePack.Formatters;
using Loom.Actors;

namespace Loom.Serialization;

/// <summary>
/// Writes an actor handle nested in a value as a MessagePack extension holding the actor's id, so
/// handles can be passed to tasks and other actors.
/// </summary>
/// <typeparam name="T">The actor's class.</typeparam>
internal sealed class ActorHandleFormatter<T> : IMessagePackFormatter<ActorHandle<T>?>
    where T : class
{
    public const sbyte ExtensionCode = 51;

    public void Serialize(ref MessagePackWriter writer, ActorHandle<T>? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteExtensionFormatHeader(new ExtensionHeader(ExtensionCode, 8));
        var id = writer.GetSpan(8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(id, value.Id.Value);
        writer.Advance(8);
    }

    public ActorHandle<T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var header = reader.ReadExtensionFormatHeader();
        if (header.TypeCode != ExtensionCode || header.Length != 8)
        {
            throw new MessagePackSerializationException($"Expected an actor handle extension, found extension {header.TypeCode} of {header.Length} bytes.");
        }

        Span<byte> id = stackalloc byte[8];
        System.Buffers.BuffersExtensions.CopyTo(reader.ReadRaw(8), id);
        var actorId = new ActorId(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(id));
        return SerializationScope.Runtime.Actors.TryGet(actorId, out var actor)
            ? ActorDirectory.Handle<T>(actor)
            : throw new MessagePackSerializationException($"Actor {actorId} is not known on this node.");
    }
}
