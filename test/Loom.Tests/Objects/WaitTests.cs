using Loom.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Tests.Objects;

public sealed class WaitTests
{
    private static readonly TaskCompletionSource<int>[] Gates = new TaskCompletionSource<int>[4];

    private static Task<int> Gated(int index) => Gates[index].Task;

    private static int Fail() => throw new InvalidOperationException("no");

    private static void ResetGates()
    {
        for (var i = 0; i < Gates.Length; i++)
        {
            Gates[i] = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    [Fact]
    public async Task Wait_returns_ready_and_pending_refs_in_their_original_order()
    {
        ResetGates();
        await using var loom = await TestCluster.StartAsync();
        var gated = loom.Task<int, int>(Gated).WithCpus(0);
        var refs = Enumerable.Range(0, 4).Select(i => gated.Remote(i)).ToList();

        // Finish 3 then 1: ready keeps the input order (1, 3), not the completion order.
        Gates[3].SetResult(30);
        Gates[1].SetResult(10);
        var result = await loom.WaitAsync(refs, numReturns: 2, timeout: TestCluster.Patience);

        Assert.Equal([refs[1], refs[3]], result.Ready);
        Assert.Equal([refs[0], refs[2]], result.Pending);
        Assert.Equal(10, await result.Ready[0].Within());
        Assert.Equal(30, await result.Ready[1].Within());

        Gates[0].SetResult(0);
        Gates[2].SetResult(20);
    }

    [Fact]
    public async Task Wait_returns_no_more_than_numReturns_ready_refs()
    {
        await using var loom = await TestCluster.StartAsync();
        var refs = Enumerable.Range(0, 5).Select(i => loom.Put(i)).ToList();

        var result = await loom.WaitAsync(refs, numReturns: 2, timeout: TestCluster.Patience);

        Assert.Equal(refs.Take(2), result.Ready);
        Assert.Equal(refs.Skip(2), result.Pending);
    }

    [Fact]
    public async Task Wait_with_a_timeout_returns_what_is_ready_when_the_clock_passes_it()
    {
        ResetGates();
        var clock = new FakeTimeProvider();
        await using var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = clock });
        var gated = loom.Task<int, int>(Gated).WithCpus(0);
        var refs = Enumerable.Range(0, 3).Select(i => gated.Remote(i)).ToList();
        Gates[2].SetResult(2);
        await refs[2].Within();

        var wait = loom.WaitAsync(refs, numReturns: 3, timeout: TimeSpan.FromSeconds(10));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));
        var result = await wait.WaitAsync(TestCluster.Patience);

        Assert.Equal([refs[2]], result.Ready);
        Assert.Equal([refs[0], refs[1]], result.Pending);

        Gates[0].SetResult(0);
        Gates[1].SetResult(1);
    }

    [Fact]
    public async Task Wait_counts_a_failed_task_as_ready()
    {
        ResetGates();
        await using var loom = await TestCluster.StartAsync();
        var failing = loom.Task<int>(Fail).Remote();
        var pending = loom.Task<int, int>(Gated).WithCpus(0).Remote(0);

        var result = await loom.WaitAsync([pending, failing], numReturns: 1, timeout: TestCluster.Patience);

        Assert.Equal([failing], result.Ready);
        Assert.Equal([pending], result.Pending);
        Gates[0].SetResult(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Wait_rejects_numReturns_outside_one_to_the_count(int numReturns)
    {
        await using var loom = await TestCluster.StartAsync();
        var refs = new[] { loom.Put(1), loom.Put(2) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => loom.WaitAsync(refs, numReturns));
    }
}
