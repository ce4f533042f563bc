using Loom.Tests.Support;

namespace Loom.Tests.Errors;

public sealed class TaskFailureTests
{
    private static int ExplodeOnPurpose(int x) => throw new InvalidOperationException($"bad input {x}");

    private static async Task<int> ExplodeLaterAsync(int x)
    {
        await Task.Yield();
        throw new FormatException($"late failure {x}");
    }

    [Fact]
    public async Task A_failed_task_reports_its_name_remote_type_message_and_stack_trace()
    {
        await using var loom = await TestCluster.StartAsync();
        var failed = loom.Task<int, int>(ExplodeOnPurpose).WithName("explode").Remote(7);

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failed.Within());

        Assert.Equal("explode", error.TaskName);
        Assert.Equal(typeof(InvalidOperationException).FullName, error.RemoteExceptionType);
        Assert.Equal("bad input 7", error.RemoteMessage);
        Assert.Contains(nameof(ExplodeOnPurpose), error.RemoteStackTrace, StringComparison.Ordinal);
        Assert.False(error.IsArgumentFailure);
        Assert.Contains("Task 'explode' failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad input 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_async_task_failure_is_reported_the_same_way()
    {
        await using var loom = await TestCluster.StartAsync();
        var failed = loom.Task<int, int>(ExplodeLaterAsync).Remote(3);

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failed.Within());

        Assert.Equal(typeof(FormatException).FullName, error.RemoteExceptionType);
        Assert.Equal("late failure 3", error.RemoteMessage);
        Assert.Contains(nameof(ExplodeLaterAsync), error.RemoteStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_propagate_down_a_chain_of_three_as_argument_failures()
    {
        await using var loom = await TestCluster.StartAsync();
        var first = loom.Task<int, int>(ExplodeOnPurpose).WithName("first").Remote(1);
        var second = loom.Task((int x) => x + 1).WithName("second").Remote(first);
        var third = loom.Task((int x) => x + 1).WithName("third").Remote(second);

        var error3 = await Assert.ThrowsAsync<TaskFailedException>(async () => await third.Within());
        Assert.Equal("third", error3.TaskName);
        Assert.True(error3.IsArgumentFailure);

        var error2 = Assert.IsType<TaskFailedException>(error3.InnerException);
        Assert.Equal("second", error2.TaskName);
        Assert.True(error2.IsArgumentFailure);

        var error1 = Assert.IsType<TaskFailedException>(error2.InnerException);
        Assert.Equal("first", error1.TaskName);
        Assert.False(error1.IsArgumentFailure);
        Assert.Equal("bad input 1", error1.RemoteMessage);
        Assert.Equal(typeof(InvalidOperationException).FullName, error3.RemoteExceptionType);

        var direct = await Assert.ThrowsAsync<TaskFailedException>(async () => await second.Within());
        Assert.True(direct.IsArgumentFailure);
    }

    [Fact]
    public async Task A_failed_task_does_not_run_its_downstream_function()
    {
        Interlocked.Exchange(ref downstreamRuns, 0);
        await using var loom = await TestCluster.StartAsync();
        var failed = loom.Task<int, int>(ExplodeOnPurpose).Remote(1);
        var downstream = loom.Task<int, int>(CountRun).Remote(failed);

        await Assert.ThrowsAsync<TaskFailedException>(async () => await downstream.Within());

        Assert.Equal(0, Volatile.Read(ref downstreamRuns));
    }

    [Fact]
    public async Task Getting_many_refs_fails_when_one_of_them_failed()
    {
        await using var loom = await TestCluster.StartAsync();
        var refs = new[] { loom.Put(1), loom.Task<int, int>(ExplodeOnPurpose).Remote(9), loom.Put(3) };

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await loom.GetAsync(refs, TestCluster.Patience));

        Assert.Equal("bad input 9", error.RemoteMessage);
    }

    private static int downstreamRuns;

    private static int CountRun(int x)
    {
        Interlocked.Increment(ref downstreamRuns);
        return x;
    }
}
