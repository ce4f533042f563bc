using Loom.Tests.Support;

namespace Loom.Tests.Isolation;

public sealed class IsolatedTaskTests
{
    private static Task<LoomCluster> StartAsync(int gpus = 0) => TestCluster.StartAsync(cpus: 2, gpus: gpus);

    [Fact]
    public async Task An_isolated_task_runs_in_another_process_and_returns_its_value()
    {
        await using var loom = await StartAsync();

        var pid = await loom.Task(IsolatedFunctions.ProcessId).WithIsolation().Remote().Within();
        var square = await loom.Task<int, int>(IsolatedFunctions.Square).WithIsolation().Remote(7).Within();

        Assert.NotEqual(Environment.ProcessId, pid);
        Assert.Equal(49, square);
    }

    [Fact]
    public async Task An_async_isolated_task_is_awaited_in_the_worker()
    {
        await using var loom = await StartAsync();

        var greeting = await loom.Task<string, string>(IsolatedFunctions.GreetAsync).WithIsolation().Remote("loom").Within();

        Assert.StartsWith("hello loom from ", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), greeting[16..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_default_isolation_applies_to_tasks_without_their_own()
    {
        await using var loom = await TestCluster.StartAsync(configure: o => o with { DefaultIsolation = IsolationMode.Process });

        var isolated = await loom.Task(IsolatedFunctions.ProcessId).Remote().Within();
        var inProcess = await loom.Task(IsolatedFunctions.ProcessId).WithIsolation(IsolationMode.InProcess).Remote().Within();

        Assert.NotEqual(Environment.ProcessId, isolated);
        Assert.Equal(Environment.ProcessId, inProcess);
    }

    [Fact]
    public async Task An_exception_in_the_worker_reaches_the_getter_with_type_message_and_stack()
    {
        await using var loom = await StartAsync();

        var failed = loom.Task<int, int>(IsolatedFunctions.Explode).WithIsolation().WithName("explode").Remote(7);
        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failed.Within());

        Assert.Equal("explode", error.TaskName);
        Assert.Equal(typeof(InvalidOperationException).FullName, error.RemoteExceptionType);
        Assert.Equal("bad input 7", error.RemoteMessage);
        Assert.Contains(nameof(IsolatedFunctions.Explode), error.RemoteStackTrace, StringComparison.Ordinal);

        // The worker survives an application exception.
        Assert.Equal(9, await loom.Task<int, int>(IsolatedFunctions.Square).WithIsolation().Remote(3).Within());
    }

    [Fact]
    public async Task FailFast_in_the_worker_fails_the_task_with_WorkerCrashedException_and_the_pool_replaces_the_worker()
    {
        await using var loom = await StartAsync();

        var crashed = loom.Task<int, int>(IsolatedFunctions.CrashHard).WithIsolation().WithName("crash").WithRetries(0).Remote(1);
        var error = await Assert.ThrowsAsync<WorkerCrashedException>(async () => await crashed.Within());

        Assert.Equal("crash", error.TaskName);
        Assert.Contains("running 'crash' died", error.Message, StringComparison.Ordinal);
        Assert.Contains("SIGABRT", error.Message, StringComparison.Ordinal);
        Assert.Equal(16, await loom.Task<int, int>(IsolatedFunctions.Square).WithIsolation().Remote(4).Within());
    }

    [Fact]
    public async Task Killing_the_worker_fails_its_task_at_once_and_the_next_task_gets_a_new_worker()
    {
        await using var loom = await StartAsync();
        using var gate = new FileGate();

        var blocked = loom.Task<string, int>(FileGate.ReportAndWait).WithIsolation().WithName("blocked").WithRetries(0).Remote(gate.Directory);
        var pid = await gate.WaitForPidAsync();
        FileGate.KillHard(pid);

        var error = await Assert.ThrowsAsync<WorkerCrashedException>(async () => await blocked.Within());
        Assert.Contains($"worker process {pid} running 'blocked' died", error.Message, StringComparison.Ordinal);
        Assert.Contains("SIGKILL", error.Message, StringComparison.Ordinal);

        var next = await loom.Task(IsolatedFunctions.ProcessId).WithIsolation().Remote().Within();
        Assert.NotEqual(pid, next);
        Assert.NotEqual(Environment.ProcessId, next);
    }

    [Fact]
    public async Task CUDA_VISIBLE_DEVICES_in_the_worker_lists_the_assigned_gpu_ids()
    {
        await using var loom = await StartAsync(gpus: 2);

        var both = await loom.Task(IsolatedFunctions.CudaVisibleDevices).WithIsolation().WithGpus(2).Remote().Within();
        var none = await loom.Task(IsolatedFunctions.CudaVisibleDevices).WithIsolation().Remote().Within();

        Assert.Equal("0,1", both);
        Assert.Equal(string.Empty, none);
    }

    [Fact]
    public async Task ObjectRefs_nested_in_arguments_of_isolated_tasks_are_rejected_clearly()
    {
        await using var loom = await StartAsync();
        using var inner = loom.Put(1);

        var failed = loom.Task<ObjectRef<int>[], int>(IsolatedFunctions.SumRefs).WithIsolation().Remote(new[] { inner });
        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failed.Within());

        Assert.Equal(typeof(NotSupportedException).FullName, error.RemoteExceptionType);
        Assert.Contains("worker process", error.RemoteMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_command_that_cannot_start_fails_the_task_naming_the_command()
    {
        await using var loom = await TestCluster.StartAsync(configure: o => o with { WorkerCommand = ["/nonexistent/loom-worker"] });

        var failed = loom.Task(IsolatedFunctions.ProcessId).WithIsolation().Remote();
        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failed.Within());

        Assert.Contains("/nonexistent/loom-worker", error.RemoteMessage, StringComparison.Ordinal);
    }
}
