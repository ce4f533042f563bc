using System.Buffers;
using System.Buffers.Binary;
using MessagePack;
using MessagePack.Formatters;

namespace Loom.Serialization;

/// <summary>
/// Writes an ObjectRef nested in a value as a MessagePack extension holding its 16-byte id, so refs
/// pass through arguments and results as refs; the enclosing object keeps the referenced object alive.
/// </summary>
/// <typeparam name="T">The referenced value's type.</typeparam>
internal sealed class ObjectRefFormatter<T> : IMessagePackFormatter<ObjectRef<T>?>
{
    public const sbyte ExtensionCode = 50;

    public void Serialize(ref MessagePackWriter writer, ObjectRef<T>? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        var entry = value.LiveEntry;
        SerializationScope.AddContained(entry);
        writer.WriteExtensionFormatHeader(new ExtensionHeader(ExtensionCode, 16));
        var id = writer.GetSpan(16);
        BinaryPrimitives.WriteUInt64LittleEndian(id, entry.Id.Node);
        BinaryPrimitives.WriteUInt64LittleEndian(id[8..], entry.Id.Sequence);
        writer.Advance(16);
    }

    public ObjectRef<T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var header = reader.ReadExtensionFormatHeader();
        if (header.TypeCode != ExtensionCode || header.Length != 16)
        {
            throw new MessagePackSerializationException($"Expected an ObjectRef extension, found extension {header.TypeCode} of {header.Length} bytes.");
        }

        Span<byte> id = stackalloc byte[16];
        reader.ReadRaw(16).CopyTo(id);
        var objectId = new ObjectId(BinaryPrimitives.ReadUInt64LittleEndian(id), BinaryPrimitives.ReadUInt64LittleEndian(id[8..]));
        return SerializationScope.Runtime.RefFromId<T>(objectId);
    }
}
