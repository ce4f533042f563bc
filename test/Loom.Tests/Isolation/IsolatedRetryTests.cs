using Loom.Tests.Support;

namespace Loom.Tests.Isolation;

public sealed class IsolatedRetryTests
{
    [Fact]
    public async Task A_task_whose_worker_died_is_retried_by_default_and_succeeds()
    {
        await using var loom = await TestCluster.StartAsync();
        using var attempts = new FileGate();

        var result = await loom.Task<string, int, int>(IsolatedFunctions.CrashUntil).WithIsolation().Remote(attempts.Directory, 2).Within();

        Assert.Equal(3, result);
    }

    [Fact]
    public async Task A_worker_that_keeps_dying_fails_the_task_after_MaxRetries_with_the_attempt_count()
    {
        await using var loom = await TestCluster.StartAsync();
        using var attempts = new FileGate();

        var doomed = loom.Task<string, int, int>(IsolatedFunctions.CrashUntil).WithIsolation().WithRetries(1).WithName("doomed").Remote(attempts.Directory, 99);
        var error = await Assert.ThrowsAsync<WorkerCrashedException>(async () => await doomed.Within());

        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, Directory.GetFiles(attempts.Directory, "attempt-*").Length);
    }

    [Fact]
    public async Task Force_cancel_kills_the_worker_running_the_task_and_it_is_not_retried()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();

        var blocked = loom.Task<string, int>(FileGate.ReportAndWait).WithIsolation().Remote(gate.Directory);
        var pid = await gate.WaitForPidAsync();

        Assert.True(loom.Cancel(blocked, force: true));

        await Assert.ThrowsAsync<TaskCancelledException>(async () => await blocked.Within());
        await TestCluster.WaitUntilAsync(() => FileGate.IsGone(pid));
        await TestCluster.WaitUntilAsync(() => loom.GetStatus().Tasks.Running == 0);
        Assert.Equal(1, loom.GetStatus().Tasks.Failed);
        Assert.Equal(16, await loom.Task<int, int>(IsolatedFunctions.Square).WithIsolation().Remote(4).Within());
    }
}
