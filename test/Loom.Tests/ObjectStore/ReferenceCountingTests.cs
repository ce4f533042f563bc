using System.Runtime.CompilerServices;
using Loom.ObjectStore;
using Loom.Tests.Support;

namespace Loom.Tests.ObjectStore;

public sealed class ReferenceCountingTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task<int> WaitForGate() => gate.Task;

    [Fact]
    public async Task An_undisposed_ref_that_is_collected_frees_its_object()
    {
        await using var loom = await TestCluster.StartAsync();
        var before = loom.GetStatus().ObjectStore;
        var freed = WhenFreed(loom, PutAndDrop(loom));

        Collect();

        await freed.WaitAsync(TestCluster.Patience);
        Assert.Equal(before.Objects, loom.GetStatus().ObjectStore.Objects);
        Assert.Equal(before.BytesInMemory, loom.GetStatus().ObjectStore.BytesInMemory);
    }

    [Fact]
    public async Task A_task_result_nobody_references_is_freed_when_the_task_ends()
    {
        gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loom = await TestCluster.StartAsync();
        var id = SubmitAndDrop(loom);
        var freed = WhenFreed(loom, id);
        Collect();
        Assert.False(freed.IsCompleted, "the running task still holds its result");

        gate.SetResult(42);

        await freed.WaitAsync(TestCluster.Patience);
        Assert.Equal(0, loom.GetStatus().ObjectStore.Objects);
    }

    [Fact]
    public async Task A_task_result_disposed_while_the_task_runs_is_freed_when_it_ends()
    {
        gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loom = await TestCluster.StartAsync();
        var result = loom.Task<int>(WaitForGate).Remote();
        var freed = WhenFreed(loom, result.Id);
        result.Dispose();

        gate.SetResult(1);

        await freed.WaitAsync(TestCluster.Patience);
    }

    [Fact]
    public async Task Refs_inside_a_freed_value_are_released()
    {
        await using var loom = await TestCluster.StartAsync();
        var inner = loom.Put(7);
        var outer = loom.Put(new List<ObjectRef<int>> { inner });
        var innerFreed = WhenFreed(loom, inner.Id);
        inner.Dispose();
        Assert.False(innerFreed.IsCompleted, "the outer value keeps the inner object");

        outer.Dispose();

        await innerFreed.WaitAsync(TestCluster.Patience);
        Assert.Equal(0, loom.GetStatus().ObjectStore.Objects);
    }

    [Fact]
    public async Task Refs_inside_a_spilled_value_stay_alive_and_are_released_when_it_is_freed()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var inner = cluster.Loom.Put(7);
        var outer = cluster.Loom.Put(new Holder(inner, SpillCluster.Data(2)));
        var innerFreed = WhenFreed(cluster.Loom, inner.Id);
        inner.Dispose();
        var fillers = cluster.Fill(20);
        Assert.True(outer.LiveEntry.IsSpilled);
        Assert.False(innerFreed.IsCompleted);

        var holder = await outer.Within();
        Assert.Equal(7, await holder.Inner.Within());
        Assert.True(SpillCluster.Matches(holder.Payload, 2));
        holder.Inner.Dispose();
        var moreFillers = cluster.Fill(20, firstSeed: 50);
        Assert.True(outer.LiveEntry.IsSpilled);
        var files = cluster.SpillFileCount;

        outer.Dispose();

        await innerFreed.WaitAsync(TestCluster.Patience);
        // Both go, with their files: the small inner object was the least recently used of all and was spilled too.
        Assert.True(files - 2 == cluster.SpillFileCount, $"{files} files before, {cluster.SpillFileCount} after; {cluster.Store}");
        Assert.Equal(40, cluster.Store.Objects);
        GC.KeepAlive(fillers);
        GC.KeepAlive(moreFillers);
    }

    [Fact]
    public async Task A_ref_passed_to_an_actor_call_is_released_after_the_call()
    {
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new Keeper()).Remote();
        var value = loom.Put(5);
        var freed = WhenFreed(loom, value.Id);

        var read = actor.Call(k => k.Read(value));
        Assert.Equal(5, await read.Within());
        value.Dispose();
        read.Dispose();
        Collect();

        await freed.WaitAsync(TestCluster.Patience);
    }

    [Fact]
    public async Task An_actor_call_whose_arguments_cannot_be_copied_releases_the_refs_it_took()
    {
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new Keeper()).Remote();
        var value = loom.Put(5);
        var freed = WhenFreed(loom, value.Id);

        Assert.Throws<LoomSerializationException>(() => actor.Call(k => k.Both(value, new MemoryStream())));
        value.Dispose();

        await freed.WaitAsync(TestCluster.Patience);
    }

    [Fact]
    public async Task A_task_argument_is_unpinned_and_released_when_the_task_ends()
    {
        await using var loom = await TestCluster.StartAsync();
        var value = loom.Put(new byte[100]);
        var freed = WhenFreed(loom, value.Id);
        var length = loom.Task((byte[] data) => data.Length).Remote(value);
        value.Dispose();

        Assert.Equal(100, await length.Within());
        await freed.WaitAsync(TestCluster.Patience);
        Assert.Equal(0, loom.GetStatus().ObjectStore.PinnedObjects);
    }

    private static Task WhenFreed(LoomCluster loom, ObjectId id)
    {
        var freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loom.Runtime.Store.Freed += entry =>
        {
            if (entry.Id == id)
            {
                freed.TrySetResult();
            }
        };
        if (!loom.Runtime.Store.TryGet(id, out _))
        {
            freed.TrySetResult();
        }

        return freed.Task;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectId PutAndDrop(LoomCluster loom) => loom.Put(new byte[10_000]).Id;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectId SubmitAndDrop(LoomCluster loom) => loom.Task<int>(WaitForGate).Remote().Id;

    /// <summary>A value holding a nested ref and a large payload.</summary>
    public sealed record Holder(ObjectRef<int> Inner, byte[] Payload);

    /// <summary>An actor that reads refs it is given.</summary>
    public sealed class Keeper
    {
        public int Read(ObjectRef<int> reference)
        {
            using (reference)
            {
                return reference.GetAsync(TestCluster.Patience).AsTask().GetAwaiter().GetResult();
            }
        }

        public int Both(ObjectRef<int> reference, Stream stream) => reference.Id.GetHashCode() + stream.GetHashCode();
    }
}
