using Loom.Tests.ObjectStore;
using Loom.Tests.Support;

namespace Loom.Tests.FaultTolerance;

[Collection(nameof(MemoryHungry))]
public sealed class LineageReconstructionTests
{
    private static int s_makeRuns;
    private static int s_doubleRuns;

    [Fact]
    public async Task A_lost_task_result_is_made_again_by_re_running_its_task()
    {
        await using var cluster = await SpillCluster.StartAsync();
        Interlocked.Exchange(ref s_makeRuns, 0);
        var produced = cluster.Loom.Task((int seed) => Make(seed)).Remote(7);
        Assert.True(SpillCluster.Matches(await produced.Within(), 7));
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        Assert.True(SpillCluster.Matches(await produced.Within(), 7));
        Assert.Equal(2, Volatile.Read(ref s_makeRuns));
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task Reconstruction_is_recursive_when_the_argument_was_lost_too()
    {
        await using var cluster = await SpillCluster.StartAsync();
        Interlocked.Exchange(ref s_makeRuns, 0);
        Interlocked.Exchange(ref s_doubleRuns, 0);
        var source = cluster.Loom.Task((int seed) => Make(seed)).Remote(3);
        var derived = cluster.Loom.Task((byte[] data) => Derive(data)).Remote(source);
        Assert.True(SpillCluster.Matches(await derived.Within(), 4));
        Interlocked.Exchange(ref s_makeRuns, 1);
        Interlocked.Exchange(ref s_doubleRuns, 0);
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        Assert.True(SpillCluster.Matches(await derived.Within(), 4));
        Assert.Equal(2, Volatile.Read(ref s_makeRuns));
        Assert.Equal(1, Volatile.Read(ref s_doubleRuns));
        GC.KeepAlive(fillers);

        // The argument's ObjectRef must stay alive: lineage does not keep ObjectRef arguments alive.
        GC.KeepAlive(source);
    }

    [Fact]
    public async Task A_task_that_may_not_be_retried_keeps_no_lineage_and_its_lost_result_stays_lost()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var produced = cluster.Loom.Task((int seed) => Make(seed)).WithRetries(0).WithName("once-only").Remote(5);
        await produced.Within();
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        var error = await Assert.ThrowsAsync<ObjectLostException>(async () => await produced.Within());
        Assert.Contains("once-only", error.Message, StringComparison.Ordinal);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task A_result_whose_argument_was_freed_cannot_be_reconstructed_and_is_lost()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var source = cluster.Loom.Put(SpillCluster.Data(9));
        var derived = cluster.Loom.Task((byte[] data) => SpillCluster.Data(data[^1] + 1)).WithName("derive").Remote(source);
        Assert.True(SpillCluster.Matches(await derived.Within(), 10));
        source.Dispose();
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        await Assert.ThrowsAsync<ObjectLostException>(async () => await derived.Within());
        GC.KeepAlive(fillers);
    }

    private static byte[] Make(int seed)
    {
        Interlocked.Increment(ref s_makeRuns);
        return SpillCluster.Data(seed);
    }

    /// <summary>The data set of the next seed, made from the data set it is given.</summary>
    private static byte[] Derive(byte[] data)
    {
        Interlocked.Increment(ref s_doubleRuns);
        return SpillCluster.Data(data[^1] + 1);
    }
}
