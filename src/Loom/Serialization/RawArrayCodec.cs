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

    public abstract byte[] Write(T value);

    public abstract T Read(byte[] data);

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
        public override byte[] Write(T value)
        {
            var source = MemoryMarshal.AsBytes(((TElement[])(object)value!).AsSpan());
            var data = GC.AllocateUninitializedArray<byte>(source.Length);
            source.CopyTo(data);
            return data;
        }

        public override T Read(byte[] data)
        {
            var array = GC.AllocateUninitializedArray<TElement>(data.Length / Unsafe.SizeOf<TElement>());
            data.AsSpan().CopyTo(MemoryMarshal.AsBytes(array.AsSpan()));
            return (T)(object)array;
        }
    }
}
