using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class TaskThroughputTests
{
    [Fact]
    public async Task One_hundred_thousand_tasks_all_complete_with_exact_results()
    {
        const int Count = 100_000;
        await using var loom = await TestCluster.StartAsync(cpus: 2);
        var identity = loom.Task((int x) => (long)x);
        var refs = new ObjectRef<long>[Count];
        for (var i = 0; i < Count; i++)
        {
            refs[i] = identity.Remote(i);
        }

        var values = await loom.GetAsync(refs, TestCluster.Patience);

        Assert.Equal(Count, values.Length);
        Assert.Equal((long)Count * (Count - 1) / 2, values.Sum());
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(i, values[i]);
        }

        Assert.Equal(0, loom.GetStatus().Tasks.Queued);
    }
}
