using Loom.Tests.Support;

namespace Loom.Tests.Serialization;

public sealed class UnserializableTypeTests
{
    [Fact]
    public async Task Putting_a_type_with_a_delegate_property_names_the_type()
    {
        await using var loom = await TestCluster.StartAsync();

        var error = Assert.Throws<LoomSerializationException>(() => loom.Put(new WithCallback { Callback = () => 1 }));

        Assert.Equal(typeof(WithCallback), error.ValueType);
        Assert.Contains(typeof(WithCallback).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, loom.GetStatus().ObjectStore.Objects);
    }

    [Fact]
    public async Task Passing_a_type_with_a_stream_property_as_an_argument_names_the_type()
    {
        await using var loom = await TestCluster.StartAsync();
        using var stream = new MemoryStream();

        var error = Assert.Throws<LoomSerializationException>(() => loom.Task((HoldsStreamHandle s) => 1).Remote(new HoldsStreamHandle { Data = stream }));

        Assert.Equal(typeof(HoldsStreamHandle), error.ValueType);
        Assert.Contains(nameof(HoldsStreamHandle), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_with_plain_data_serialize_fine()
    {
        await using var loom = await TestCluster.StartAsync();

        var got = await loom.Put(new Plain("x", [1, 2])).Within();

        Assert.Equal("x", got.Name);
        Assert.Equal(new[] { 1, 2 }, got.Values);
    }

    public sealed class WithCallback
    {
        public Func<int>? Callback { get; set; }
    }

    public sealed class HoldsStreamHandle
    {
        public Stream? Data { get; set; }
    }

    public sealed record Plain(string Name, int[] Values);
}
