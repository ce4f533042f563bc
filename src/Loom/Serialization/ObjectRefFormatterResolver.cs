using MessagePack;
using MessagePack.Formatters;

namespace Loom.Serialization;

/// <summary>Gives MessagePack the formatters that write an <see cref="ObjectRef{T}"/> or an <see cref="ActorHandle{T}"/> as its id.</summary>
internal sealed class ObjectRefFormatterResolver : IFormatterResolver
{
    public static readonly ObjectRefFormatterResolver Instance = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter = Create();

        private static IMessagePackFormatter<T>? Create()
        {
            var type = typeof(T);
            if (!type.IsGenericType)
            {
                return null;
            }

            var definition = type.GetGenericTypeDefinition();
            var formatter = definition == typeof(ObjectRef<>) ? typeof(ObjectRefFormatter<>)
                : definition == typeof(ActorHandle<>) ? typeof(ActorHandleFormatter<>)
                : null;
            return formatter is null ? null : (IMessagePackFormatter<T>)Activator.CreateInstance(formatter.MakeGenericType(type.GetGenericArguments()[0]))!;
        }
    }
}
