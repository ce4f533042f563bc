using System.Collections.Concurrent;

namespace Loom.Serialization;

/// <summary>Serializes values whose type is only known at run time (actor arguments), through the typed path.</summary>
internal abstract class BoxedCodec
{
    private static readonly ConcurrentDictionary<Type, BoxedCodec> Codecs = new();

    public static BoxedCodec For(Type type) =>
        Codecs.GetOrAdd(type, static t => (BoxedCodec)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(t))!);

    public abstract SerializedObject Serialize(ObjectSerializer serializer, object? value);

    public abstract object? Deserialize(ObjectSerializer serializer, SerializedObject value);

    private sealed class Typed<T> : BoxedCodec
    {
        public override SerializedObject Serialize(ObjectSerializer serializer, object? value) => serializer.Serialize((T)value!);

        public override object? Deserialize(ObjectSerializer serializer, SerializedObject value) => serializer.Deserialize<T>(value);
    }
}
