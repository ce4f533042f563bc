using MessagePack;
using MessagePack.Formatters;

namespace Loom.Serialization;

/// <summary>Gives MessagePack the formatter that writes an <see cref="ObjectRef{T}"/> as its id.</summary>
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
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(ObjectRef<>))
            {
                return null;
            }

            var formatter = typeof(ObjectRefFormatter<>).MakeGenericType(type.GetGenericArguments()[0]);
            return (IMessagePackFormatter<T>)Activator.CreateInstance(formatter)!;
        }
    }
}
