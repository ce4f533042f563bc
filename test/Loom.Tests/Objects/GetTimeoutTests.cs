using Loom.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Tests.Objects;

public sealed class GetTimeoutTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task<int> Blocked() => gate.Task;

    [Fact]
    public async Task Get_with_a_timeout_throws_GetTimeoutException_once_the_clock_passes_it()
    {
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new FakeTimeProvider();
        await using var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = clock });
        var blocked = loom.Task<int>(Blocked).Remote();

        var get = blocked.GetAsync(TimeSpan.FromSeconds(5)).AsTask();
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(get.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<GetTimeoutException>(() => get.WaitAsync(TestCluster.Patience));
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.Equal(1, error.PendingCount);

        // The object is still being made: once the task ends, a get succeeds.
        gate.SetResult(17);
        Assert.Equal(17, await blocked.Within());
    }

    [Fact]
    public async Task Get_of_many_with_a_timeout_reports_how_many_are_pending()
    {
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new FakeTimeProvider();
        await using var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = clock });
        var blockedTask = loom.Task<int>(Blocked).WithCpus(0);
        var refs = new[] { loom.Put(1), blockedTask.Remote(), blockedTask.Remote() };

        var get = loom.GetAsync(refs, TimeSpan.FromMilliseconds(250)).AsTask();
        Assert.False(get.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<GetTimeoutException>(() => get.WaitAsync(TestCluster.Patience));
        Assert.Equal(2, error.PendingCount);

        gate.SetResult(2);
        Assert.Equal(new[] { 1, 2, 2 }, await loom.GetAsync(refs, TestCluster.Patience));
    }

    [Fact]
    public async Task Get_of_a_ready_object_with_zero_timeout_returns_the_value()
    {
        await using var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = new FakeTimeProvider() });

        Assert.Equal("ready", await loom.GetAsync(loom.Put("ready"), TimeSpan.Zero));
    }
}
