namespace Loom.Tests.ObjectStore;

public sealed class OutOfSpaceTests
{
    [Fact]
    public async Task A_put_fails_clearly_when_memory_and_the_disk_budget_are_both_used_up()
    {
        await using var cluster = await SpillCluster.StartAsync(capacity: 16L << 20, diskBudget: 16L << 20);
        var refs = cluster.Fill(8); // 16 MB in memory, 16 MB on disk

        var full = Assert.Throws<ObjectStoreFullException>(() => cluster.Loom.Put(SpillCluster.Data(1)));

        Assert.Contains("spill disk budget is used up", full.Message, StringComparison.Ordinal);
        Assert.Contains("ObjectSpillDiskBytes", full.Message, StringComparison.Ordinal);
        Assert.Contains("Dispose", full.Message, StringComparison.Ordinal);
        Assert.Equal(16L << 20, full.SpillDiskBudgetBytes);
        Assert.Equal(16L << 20, full.SpillDiskUsedBytes);
        Assert.Equal(SpillCluster.ObjectSize, full.RequestedBytes);
        Assert.True(cluster.Store.BytesInMemory <= 16L << 20);

        // Freeing objects makes room again, on disk as well.
        refs[0].Dispose();
        refs[7].Dispose();
        using var fits = cluster.Loom.Put(SpillCluster.Data(2));
        Assert.True(SpillCluster.Matches(await fits, 2));
    }

    [Fact]
    public async Task A_task_result_that_finds_no_space_fails_the_task_with_the_figures()
    {
        await using var cluster = await SpillCluster.StartAsync(capacity: 8L << 20, diskBudget: 0);
        var refs = cluster.Fill(2);

        var result = cluster.Loom.Task(() => SpillCluster.Data(5)).Remote();

        var error = await Assert.ThrowsAsync<LoomException>(async () => await result);
        Assert.Contains("out of space", error.Message, StringComparison.Ordinal);
        GC.KeepAlive(refs);
    }

    [Fact]
    public async Task An_object_larger_than_the_whole_capacity_is_refused()
    {
        await using var cluster = await SpillCluster.StartAsync(capacity: 2L << 20);

        var full = Assert.Throws<ObjectStoreFullException>(() => cluster.Loom.Put(SpillCluster.Data(1)));

        Assert.Contains("larger than the whole in-memory capacity", full.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Store.Objects);
    }

    [Fact]
    public async Task A_restore_that_finds_no_room_fails_the_get_and_keeps_the_object()
    {
        await using var cluster = await SpillCluster.StartAsync(capacity: 8L << 20, diskBudget: 4L << 20);
        var spilled = cluster.Loom.Put(SpillCluster.Data(1));
        var refs = cluster.Fill(2); // the first object goes to disk; memory and disk are now full

        await Assert.ThrowsAsync<ObjectStoreFullException>(async () => await spilled);

        refs[0].Dispose();
        Assert.True(SpillCluster.Matches(await spilled, 1));
    }
}
