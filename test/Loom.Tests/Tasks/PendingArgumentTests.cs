using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class PendingArgumentTests
{
    private static TaskCompletionSource<int> gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int dependentsRun;

    private static Task<int> WaitForGate() => gate.Task;

    private static int Dependent(int upstream, int index)
    {
        Interlocked.Increment(ref dependentsRun);
        return upstream + index;
    }

    [Fact]
    public async Task Tasks_waiting_on_a_running_input_hold_no_thread_and_run_once_it_is_ready()
    {
        const int Count = 2_000;
        gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        dependentsRun = 0;
        await using var loom = await TestCluster.StartAsync(cpus: 1);

        // The gated task holds no CPU, so the single CPU stays free for other work.
        var upstream = loom.Task<int>(WaitForGate).WithCpus(0).Remote();
        var dependent = loom.Task<int, int, int>(Dependent);
        var refs = new ObjectRef<int>[Count];
        for (var i = 0; i < Count; i++)
        {
            refs[i] = dependent.Remote(upstream, i);
        }

        var status = loom.GetStatus();
        Assert.Equal(Count, status.Tasks.WaitingForArguments);
        Assert.Equal(1, status.Tasks.Queued + status.Tasks.Running);

        // Thousands of waiting tasks leave the CPU and the thread pool free: an independent task runs now.
        Assert.Equal(99, await loom.Task((int x) => x * 9).Remote(11).Within());
        Assert.Equal(0, Volatile.Read(ref dependentsRun));
        Assert.False(upstream.IsCompleted);

        gate.SetResult(1000);
        var values = await loom.GetAsync(refs, TestCluster.Patience);

        Assert.Equal(Count, Volatile.Read(ref dependentsRun));
        Assert.Equal(Enumerable.Range(0, Count).Select(i => 1000 + i), values);
    }
}
