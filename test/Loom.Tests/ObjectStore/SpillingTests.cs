using System.Diagnostics;
using Loom.Tests.Support;
using Xunit.Abstractions;

namespace Loom.Tests.ObjectStore;

[Collection(nameof(MemoryHungry))]
public sealed class SpillingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Putting_three_times_the_capacity_spills_and_reads_everything_back()
    {
        await using var cluster = await SpillCluster.StartAsync();
        const int Count = 48; // 192 MB in 4 MB arrays, three times the 64 MB capacity
        const long Total = (long)Count * SpillCluster.ObjectSize;

        var watch = Stopwatch.StartNew();
        var refs = cluster.Fill(Count);
        var putSeconds = watch.Elapsed.TotalSeconds;

        var afterPuts = cluster.Store;
        Assert.True(afterPuts.SpilledObjects > 0, "some objects must be on disk");
        Assert.True(afterPuts.BytesInMemory <= SpillCluster.Capacity);
        Assert.Equal(Count, afterPuts.Objects);
        Assert.Equal(Count, afterPuts.ObjectsInMemory + afterPuts.SpilledObjects);
        var memory = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(memory < Total / 2, $"{memory:N0} bytes of managed memory for {Total:N0} bytes put");

        watch.Restart();
        for (var i = 0; i < Count; i++)
        {
            var value = await refs[i].Within();
            Assert.True(SpillCluster.Matches(value, 1000 + i), $"object {i} differs");
            Assert.True(cluster.Store.BytesInMemory <= SpillCluster.Capacity);
        }

        var getSeconds = watch.Elapsed.TotalSeconds;
        var after = cluster.Store;
        Assert.True(after.RestoreCount > 0);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) < Total / 2);
        output.WriteLine($"put {Total >> 20} MB with {after.SpillCount} spills in {putSeconds:0.00} s ({(Total >> 20) / putSeconds:0} MB/s); " +
                         $"read back with {after.RestoreCount} restores in {getSeconds:0.00} s ({(Total >> 20) / getSeconds:0} MB/s)");
        GC.KeepAlive(refs);
    }

    [Fact]
    public async Task Spill_files_go_when_their_objects_are_freed_and_the_folder_at_disposal()
    {
        var cluster = await SpillCluster.StartAsync();
        string folder;
        try
        {
            folder = cluster.SpillFolder;
            var refs = cluster.Fill(24);
            Assert.True(cluster.SpillFileCount > 0);
            Assert.True(cluster.Store.SpillDiskBytes > 0);

            foreach (var reference in refs)
            {
                reference.Dispose();
            }

            Assert.Equal(0, cluster.SpillFileCount);
            var status = cluster.Store;
            Assert.Equal(0, status.Objects);
            Assert.Equal(0, status.SpilledObjects);
            Assert.Equal(0, status.SpilledBytes);
            Assert.Equal(0, status.SpillDiskBytes);
            Assert.Equal(0, status.BytesInMemory);

            cluster.Fill(24);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            await cluster.Loom.DisposeAsync();
        }

        Assert.False(Directory.Exists(folder), "the spill folder must be removed at disposal");
        Assert.True(Directory.Exists(cluster.Root), "only the cluster's own folder is removed");
        Directory.Delete(cluster.Root, recursive: true);
    }

    [Fact]
    public async Task A_spilled_object_is_read_back_as_a_task_argument()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var first = cluster.Loom.Put(SpillCluster.Data(7));
        var fillers = cluster.Fill(20);
        Assert.True(cluster.Store.SpilledObjects >= 1);

        var matches = cluster.Loom.Task((byte[] data) => SpillCluster.Matches(data, 7)).Remote(first);

        Assert.True(await matches.Within());
        Assert.True(cluster.Store.RestoreCount >= 1);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task Status_reports_memory_spilling_and_pins()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var refs = cluster.Fill(20);
        var status = cluster.Loom.GetStatus();
        var store = status.ObjectStore;

        Assert.Equal(20, store.Objects);
        Assert.True(store.SpillCount >= store.SpilledObjects && store.SpilledObjects > 0);
        Assert.Equal(store.SpilledObjects * SpillCluster.ObjectSize, store.SpilledBytes);
        Assert.Equal(store.ObjectsInMemory * SpillCluster.ObjectSize, store.BytesInMemory);
        Assert.Equal(0, store.PinnedObjects);
        Assert.Equal(0, store.RestoreCount);
        var text = status.ToString();
        Assert.Contains($"{store.SpilledObjects} spilled", text, StringComparison.Ordinal);
        Assert.Contains($"{store.SpillCount} spills, 0 restores", text, StringComparison.Ordinal);
        Assert.Contains("0 pinned", text, StringComparison.Ordinal);

        _ = await refs[0].Within();
        Assert.Equal(1, cluster.Store.RestoreCount);
    }
}

/// <summary>Tests that measure the process's memory run alone.</summary>
[CollectionDefinition(nameof(MemoryHungry), DisableParallelization = true)]
public sealed class MemoryHungry;
