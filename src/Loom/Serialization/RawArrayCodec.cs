using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Loom.Serialization;

/// <summary>
/// Copies one-dimensional arrays of unmanaged elements (<c>float[]</c>, <c>byte[]</c>, <c>long[]</c>, …)
/// as raw memory: one block copy instead of an element-by-element encoding.
/// <see cref="Instance"/> is null for every other type.
/// </summary>
/// <typeparam name="T">The array type.</typeparam>
internal abstract class RawArrayCodec<T>
{
    public static readonly RawArrayCodec<T>? Instance = Create();

    public abstract SerializedObject Write(T value, LargeBufferPool pool);

    public abstract T Read(SerializedObject value);

    private static RawArrayCodec<T>? Create()
    {
        var type = typeof(T);
        if (!type.IsSZArray)
        {
            return null;
        }

        var element = type.GetElementType()!;
        if (!element.IsValueType || IsReferenceOrContainsReferences(element))
        {
            return null;
        }

        var codec = typeof(RawArrayCodec<>.Of<>).MakeGenericType(type, element);
        return (RawArrayCodec<T>)Activator.CreateInstance(codec)!;
    }

    private static bool IsReferenceOrContainsReferences(Type type) =>
        (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>The codec for arrays of <typeparamref name="TElement"/>.</summary>
    /// <typeparam name="TElement">An unmanaged element type.</typeparam>
    private sealed class Of<TElement> : RawArrayCodec<T>
        where TElement : struct
    {
        public override SerializedObject Write(T value, LargeBufferPool pool)
        {
            var source = MemoryMarshal.AsBytes(((TElement[])(object)value!).AsSpan());
            var data = pool.Rent(source.Length);
            source.CopyTo(data);
            return new SerializedObject(data, source.Length, SerializedFormat.RawArray, [], pool);
        }

        public override T Read(SerializedObject value)
        {
            var array = GC.AllocateUninitializedArray<TElement>(value.Length / Unsafe.SizeOf<TElement>());
            value.Span.CopyTo(MemoryMarshal.AsBytes(array.AsSpan()));
            return (T)(object)array;
        }
    }
}
