using Loom.Tests.Support;

namespace Loom.Tests.Objects;

public sealed class ObjectLifetimeTests
{
    [Fact]
    public async Task Disposing_the_only_ref_frees_the_object()
    {
        await using var loom = await TestCluster.StartAsync();
        var keep = loom.Put(new byte[1000]);
        var before = loom.GetStatus().ObjectStore;

        var reference = loom.Put(new byte[4096]);
        var during = loom.GetStatus().ObjectStore;
        reference.Dispose();
        var after = loom.GetStatus().ObjectStore;

        Assert.Equal(before.Objects + 1, during.Objects);
        Assert.True(during.BytesInMemory >= before.BytesInMemory + 4096, $"{during.BytesInMemory} should include the 4096-byte array");
        Assert.Equal(before.Objects, after.Objects);
        Assert.Equal(before.BytesInMemory, after.BytesInMemory);
        Assert.Equal(new byte[1000], await keep.Within());
    }

    [Fact]
    public async Task An_object_used_by_a_pending_task_stays_until_the_task_is_done()
    {
        await using var loom = await TestCluster.StartAsync();
        var input = loom.Put(new[] { 1, 2, 3 });
        var sum = loom.Task((int[] a) => a.Sum()).Remote(input);
        input.Dispose();

        Assert.Equal(6, await sum.Within());
    }

    [Fact]
    public async Task Using_a_disposed_ref_throws_ObjectDisposedException()
    {
        await using var loom = await TestCluster.StartAsync();
        var reference = loom.Put(5);
        reference.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await reference);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await loom.GetAsync(reference));
        Assert.Throws<ObjectDisposedException>(() => loom.Task((int x) => x).Remote(reference));
        Assert.True(reference.IsCompleted || !reference.IsCompleted);
    }

    [Fact]
    public async Task Disposing_a_ref_twice_releases_it_once()
    {
        await using var loom = await TestCluster.StartAsync();
        var other = loom.Put(1);
        var reference = loom.Put(2);
        var before = loom.GetStatus().ObjectStore.Objects;

        reference.Dispose();
        reference.Dispose();

        Assert.Equal(before - 1, loom.GetStatus().ObjectStore.Objects);
        Assert.Equal(1, await other.Within());
    }
}
