using Loom.Tests.Support;

namespace Loom.Tests.ObjectStore;

public sealed class PinningTests
{
    private static TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int entered;
    private static int expected;

    private static void Reset(int tasks)
    {
        started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        entered = 0;
        expected = tasks;
    }

    private static async Task<bool> HoldAsync(byte[] data)
    {
        // A task's arguments are pinned before its body runs.
        if (Interlocked.Increment(ref entered) >= expected)
        {
            started.TrySetResult();
        }

        await release.Task.ConfigureAwait(false);
        return SpillCluster.Matches(data, 3);
    }

    [Fact]
    public async Task The_argument_of_a_running_task_is_pinned_and_never_spilled()
    {
        Reset(1);
        await using var cluster = await SpillCluster.StartAsync();
        var argument = cluster.Loom.Put(SpillCluster.Data(3));
        var result = cluster.Loom.Task<byte[], bool>(HoldAsync).Remote(argument);
        await started.Task.WaitAsync(TestCluster.Patience);

        // The argument is the least recently used object, yet filling the store spills the others.
        var fillers = cluster.Fill(40);
        var during = cluster.Store;
        Assert.Equal(1, during.PinnedObjects);
        Assert.True(during.SpilledObjects >= 40 - 15, $"{during.SpilledObjects} spilled");
        Assert.Contains("1 pinned", cluster.Loom.GetStatus().ToString(), StringComparison.Ordinal);

        // Were the argument on disk, deleting the files would lose it.
        cluster.DeleteSpillFiles();
        release.SetResult();
        Assert.True(await result.Within());
        Assert.Equal(0, cluster.Store.PinnedObjects);
        Assert.True(SpillCluster.Matches(await argument.Within(), 3));
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task When_everything_in_memory_is_pinned_a_put_fails_with_out_of_space()
    {
        Reset(3);
        // Room for the three arguments and the tasks' small results, not for a fourth array.
        await using var cluster = await SpillCluster.StartAsync(capacity: (3L * SpillCluster.ObjectSize) + (1 << 20));
        var held = cluster.Fill(3, firstSeed: 3);
        var results = held.Select(h => cluster.Loom.Task<byte[], bool>(HoldAsync).WithCpus(0).Remote(h)).ToList();
        await started.Task.WaitAsync(TestCluster.Patience);
        Assert.Equal(3, cluster.Store.PinnedObjects);

        var full = Assert.Throws<ObjectStoreFullException>(() => cluster.Loom.Put(SpillCluster.Data(9)));
        Assert.Contains("pinned", full.Message, StringComparison.Ordinal);
        Assert.Equal((3L * SpillCluster.ObjectSize) + (1 << 20), full.CapacityBytes);

        release.SetResult();
        Assert.True(await results[0].Within());
        foreach (var result in results)
        {
            await result.Within();
        }

        using var fits = cluster.Loom.Put(SpillCluster.Data(9));
        Assert.Equal(0, cluster.Store.PinnedObjects);
    }
}
