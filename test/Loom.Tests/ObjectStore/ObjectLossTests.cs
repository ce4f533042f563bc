using Loom.ObjectStore;
using Loom.Tests.Support;

namespace Loom.Tests.ObjectStore;

public sealed class ObjectLossTests
{
    [Fact]
    public async Task A_put_object_whose_spill_file_vanished_is_lost_for_every_getter()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var lost = cluster.Loom.Put(SpillCluster.Data(1));
        var fillers = cluster.Fill(20);
        Assert.True(lost.LiveEntry.IsSpilled);
        cluster.DeleteSpillFiles();

        var error = await Assert.ThrowsAsync<ObjectLostException>(async () => await lost);
        Assert.Equal(lost.Id, error.ObjectId);
        Assert.Contains(lost.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("created with Put", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reconstructed", error.Message, StringComparison.Ordinal);
        Assert.Contains("spill file", error.Message, StringComparison.Ordinal);

        // Later getters, the batch get and tasks taking it as an argument see the same loss.
        await Assert.ThrowsAsync<ObjectLostException>(async () => await cluster.Loom.GetAsync([lost]));
        var dependent = cluster.Loom.Task((byte[] data) => data.Length).Remote(lost);
        var failed = await Assert.ThrowsAsync<TaskFailedException>(async () => await dependent);
        Assert.IsType<ObjectLostException>(failed.InnerException);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task A_task_argument_lost_on_disk_fails_the_task_with_the_loss()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var lost = cluster.Loom.Put(SpillCluster.Data(1));
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        var dependent = cluster.Loom.Task((byte[] data) => data.Length).Remote(lost);

        var error = await Assert.ThrowsAsync<ObjectLostException>(async () => await dependent);
        Assert.Equal(lost.Id, error.ObjectId);
        Assert.Equal(0, cluster.Store.PinnedObjects);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task A_lost_task_result_asks_its_producer_to_reconstruct_it()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var produced = cluster.Loom.Task(() => SpillCluster.Data(4)).Remote();
        Assert.True(SpillCluster.Matches(await produced.Within(), 4));
        var producer = new FakeProducer(cluster.Loom, seed: 4, completeInline: false);
        produced.LiveEntry.Reconstructor = producer;
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        var get = produced.GetAsync(TestCluster.Patience).AsTask();
        var entry = await producer.Called.Task.WaitAsync(TestCluster.Patience);
        Assert.Same(produced.LiveEntry, entry);
        Assert.False(get.IsCompleted, "the getter waits for the reconstruction");
        Assert.Equal(ObjectState.Pending, entry.State);

        producer.Finish();
        Assert.True(SpillCluster.Matches(await get, 4));
        Assert.Equal(1, producer.Calls);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task A_producer_that_reconstructs_at_once_serves_the_same_get()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var produced = cluster.Loom.Task(() => SpillCluster.Data(5)).Remote();
        await produced.Within();
        var producer = new FakeProducer(cluster.Loom, seed: 5, completeInline: true);
        produced.LiveEntry.Reconstructor = producer;
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        Assert.True(SpillCluster.Matches(await produced.Within(), 5));
        Assert.Equal(1, producer.Calls);
        GC.KeepAlive(fillers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_producer_that_cannot_reconstruct_leaves_the_object_lost(bool throws)
    {
        await using var cluster = await SpillCluster.StartAsync();
        var produced = cluster.Loom.Task(() => SpillCluster.Data(6)).WithName("make-data").Remote();
        await produced.Within();
        var producer = new RefusingProducer(throws);
        produced.LiveEntry.Reconstructor = producer;
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        var error = await Assert.ThrowsAsync<ObjectLostException>(async () => await produced.Within());
        Assert.Contains("make-data", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reconstructed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, producer.Calls);
        GC.KeepAlive(fillers);
    }

    [Fact]
    public async Task A_task_result_without_a_producer_is_lost()
    {
        await using var cluster = await SpillCluster.StartAsync();
        var produced = cluster.Loom.Task(() => SpillCluster.Data(6)).WithName("make-data").WithRetries(0).Remote();
        await produced.Within();
        var fillers = cluster.Fill(20);
        cluster.DeleteSpillFiles();

        var error = await Assert.ThrowsAsync<ObjectLostException>(async () => await produced.Within());
        Assert.Contains("nothing can reconstruct it", error.Message, StringComparison.Ordinal);
        GC.KeepAlive(fillers);
    }

    /// <summary>Makes the object again from a seed, at once or when told.</summary>
    private sealed class FakeProducer(LoomCluster loom, int seed, bool completeInline) : IObjectProducer
    {
        private ObjectEntry? _entry;

        public TaskCompletionSource<ObjectEntry> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public bool TryReconstruct(ObjectEntry entry)
        {
            Calls++;
            _entry = entry;
            if (completeInline)
            {
                Finish();
            }

            Called.TrySetResult(entry);
            return true;
        }

        public void Finish()
        {
            var runtime = loom.Runtime;
            runtime.Store.Complete(_entry!, runtime.Serializer.Serialize(SpillCluster.Data(seed)));
        }
    }

    /// <summary>Cannot make the object again: says so, or throws.</summary>
    private sealed class RefusingProducer(bool throws) : IObjectProducer
    {
        public int Calls { get; private set; }

        public bool TryReconstruct(ObjectEntry entry)
        {
            Calls++;
            return throws ? throw new InvalidOperationException("no lineage") : false;
        }
    }
}
