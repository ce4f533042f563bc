using Loom.Tests.Support;

namespace Loom.Tests.Objects;

public sealed class NestedRefTests
{
    private static List<ObjectRef<int>> MakeParts(int count)
    {
        var cluster = LoomContext.Current.Cluster;
        var square = cluster.Task((int x) => x * x);
        return [.. Enumerable.Range(1, count).Select(i => square.Remote(i))];
    }

    private static async Task<int> SumParts(List<ObjectRef<int>> parts)
    {
        var values = await LoomContext.Current.Cluster.GetAsync(parts);
        return values.Sum();
    }

    private static async Task<string> Describe(Envelope envelope) => $"{envelope.Label}:{await envelope.Payload}";

    [Fact]
    public async Task A_list_of_refs_returned_by_a_task_can_be_gotten_and_each_ref_resolved()
    {
        await using var loom = await TestCluster.StartAsync();

        var parts = await loom.Task<int, List<ObjectRef<int>>>(MakeParts).Remote(4).Within();

        Assert.Equal(4, parts.Count);
        Assert.Equal(new[] { 1, 4, 9, 16 }, await loom.GetAsync(parts, TestCluster.Patience));
    }

    [Fact]
    public async Task A_list_of_refs_passed_as_an_argument_arrives_as_refs()
    {
        await using var loom = await TestCluster.StartAsync();
        var parts = new List<ObjectRef<int>> { loom.Put(1), loom.Put(2), loom.Task(() => 39).Remote() };

        var sum = await loom.Task<List<ObjectRef<int>>, int>(SumParts).Remote(parts).Within();

        Assert.Equal(42, sum);
    }

    [Fact]
    public async Task A_record_with_a_ref_property_passes_through_and_keeps_the_same_object_id()
    {
        await using var loom = await TestCluster.StartAsync();
        var payload = loom.Put("payload");
        var envelope = new Envelope("box", payload);

        var described = await loom.Task<Envelope, string>(Describe).Remote(envelope).Within();
        var roundTripped = await loom.Put(envelope).Within();

        Assert.Equal("box:payload", described);
        Assert.Equal(payload.Id, roundTripped.Payload.Id);
        Assert.Equal("payload", await roundTripped.Payload.Within());
    }

    [Fact]
    public async Task A_nested_ref_keeps_its_object_alive_after_the_outer_handle_is_disposed()
    {
        await using var loom = await TestCluster.StartAsync();
        var inner = loom.Put(123);
        var outer = loom.Put(new List<ObjectRef<int>> { inner });
        inner.Dispose();

        var list = await outer.Within();

        Assert.Equal(123, await list[0].Within());
    }

    public sealed record Envelope(string Label, ObjectRef<string> Payload);
}
