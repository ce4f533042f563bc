using Loom.Serialization;
using Loom.Tests.Support;

namespace Loom.Tests.Serialization;

public sealed class RawArrayTests
{
    private static float[] Floats() => [0f, -0f, 1.5f, float.NaN, float.PositiveInfinity, float.Epsilon, float.MaxValue, BitConverter.Int32BitsToSingle(0x7FC12345)];

    private static float[] Reverse(float[] values)
    {
        var copy = (float[])values.Clone();
        Array.Reverse(copy);
        return copy;
    }

    [Fact]
    public async Task Float_byte_and_long_arrays_round_trip_bit_for_bit_through_Put()
    {
        await using var loom = await TestCluster.StartAsync();
        var bytes = new byte[1 << 20];
        new Random(1234).NextBytes(bytes);
        long[] longs = [long.MinValue, -1, 0, 1, long.MaxValue];

        var gotFloats = await loom.Put(Floats()).Within();
        var gotBytes = await loom.Put(bytes).Within();
        var gotLongs = await loom.Put(longs).Within();

        Assert.Equal(Floats().Select(BitConverter.SingleToInt32Bits), gotFloats.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(bytes, gotBytes);
        Assert.Equal(longs, gotLongs);
        Assert.Empty(await loom.Put(Array.Empty<double>()).Within());
    }

    [Fact]
    public async Task Raw_arrays_round_trip_through_task_arguments_and_results()
    {
        await using var loom = await TestCluster.StartAsync();

        var reversed = await loom.Task<float[], float[]>(Reverse).Remote(Floats()).Within();

        Assert.Equal(Floats().Reverse().Select(BitConverter.SingleToInt32Bits), reversed.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Codec_exists_only_for_one_dimensional_arrays_of_unmanaged_elements()
    {
        Assert.NotNull(RawArrayCodec<float[]>.Instance);
        Assert.NotNull(RawArrayCodec<byte[]>.Instance);
        Assert.NotNull(RawArrayCodec<long[]>.Instance);
        Assert.NotNull(RawArrayCodec<Pixel[]>.Instance);
        Assert.Null(RawArrayCodec<string[]>.Instance);
        Assert.Null(RawArrayCodec<int[][]>.Instance);
        Assert.Null(RawArrayCodec<int[,]>.Instance);
        Assert.Null(RawArrayCodec<List<int>>.Instance);
        Assert.Null(RawArrayCodec<int>.Instance);
        Assert.Null(RawArrayCodec<Labeled[]>.Instance);
    }

    [Fact]
    public void Codec_writes_raw_memory_and_reads_an_equal_copy()
    {
        var codec = RawArrayCodec<long[]>.Instance!;
        long[] values = [1, 0x0102030405060708, -2];

        var data = codec.Write(values, Pool);
        var copy = codec.Read(data);

        Assert.Equal(values.Length * sizeof(long), data.Length);
        Assert.Equal(BitConverter.GetBytes(0x0102030405060708L), data.Span.Slice(8, 8).ToArray());
        Assert.Equal(values, copy);
        Assert.NotSame(values, copy);
    }

    [Fact]
    public void Codec_round_trips_arrays_of_unmanaged_structs()
    {
        var codec = RawArrayCodec<Pixel[]>.Instance!;
        Pixel[] pixels = [new(1, 2, 3), new(255, 0, 128)];

        var copy = codec.Read(codec.Write(pixels, Pool));

        Assert.Equal(pixels, copy);
        Assert.Empty(codec.Read(codec.Write([], Pool)));
    }

    [Fact]
    public void Large_arrays_reuse_a_freed_buffer_of_the_pool()
    {
        var pool = new LargeBufferPool(maxPooledBytes: 64L << 20);
        var codec = RawArrayCodec<byte[]>.Instance!;
        var first = codec.Write(new byte[LargeBufferPool.MinimumSize * 2], pool);
        var buffer = first.Data;
        first.Free();

        var second = codec.Write(Enumerable.Repeat((byte)7, LargeBufferPool.MinimumSize * 2).ToArray(), pool);

        Assert.Same(buffer, second.Data);
        Assert.All(codec.Read(second), b => Assert.Equal(7, b));
        Assert.Equal(0, pool.PooledBytes);
    }

    [Fact]
    public void Small_arrays_do_not_use_the_pool()
    {
        var pool = new LargeBufferPool(maxPooledBytes: 64L << 20);
        var value = RawArrayCodec<byte[]>.Instance!.Write(new byte[16], pool);
        value.Free();

        Assert.Equal(0, pool.PooledBytes);
    }

    private static LargeBufferPool Pool { get; } = new(maxPooledBytes: 64L << 20);

    public readonly record struct Pixel(byte R, byte G, byte B);

    public readonly record struct Labeled(int Value, string Label);
}
