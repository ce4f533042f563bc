using Loom.Tests.Support;

namespace Loom.Tests.Isolation;

public sealed class IsolatedActorTests
{
    [Fact]
    public async Task An_isolated_actor_runs_in_another_process_and_keeps_its_state()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().Remote();

        Assert.Equal(2, await actor.Call(x => x.Increment(2)).Within());
        Assert.Equal(5, await actor.Call(x => x.Increment(3)).Within());
        Assert.Equal(9, await actor.Call(x => x.AddLaterAsync(4)).Within());
        Assert.NotEqual(Environment.ProcessId, await actor.Call(x => x.ProcessId()).Within());
    }

    [Fact]
    public async Task A_killed_actor_process_restarts_with_fresh_state_and_the_call_in_flight_fails_at_most_once()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().WithMaxRestarts(1).Remote();
        Assert.Equal(10, await actor.Call(x => x.Increment(10)).Within());

        var inFlight = actor.Call(x => x.Block(gate.Directory));
        var pid = await gate.WaitForPidAsync();
        FileGate.KillHard(pid);

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await inFlight.Within());
        Assert.Contains("not retried (MaxTaskRetries = 0)", error.Message, StringComparison.Ordinal);
        Assert.IsType<WorkerCrashedException>(error.InnerException);
        Assert.Contains($"worker process {pid}", error.InnerException!.Message, StringComparison.Ordinal);

        Assert.Equal(1, await actor.Call(x => x.Increment(1)).Within());
        Assert.NotEqual(pid, await actor.Call(x => x.ProcessId()).Within());
        Assert.Equal(2, IsolatedCounter.Constructions(gate.Directory));
    }

    [Fact]
    public async Task With_task_retries_the_call_in_flight_is_sent_again_to_the_restarted_actor_in_order()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().WithMaxRestarts(1).WithMaxTaskRetries(1).Remote();
        Assert.Equal(10, await actor.Call(x => x.Increment(10)).Within());

        var inFlight = actor.Call(x => x.Block(gate.Directory));
        var after = actor.Call(x => x.Increment(1));
        var pid = await gate.WaitForPidAsync();
        FileGate.KillHard(pid);

        var restartedPid = await gate.WaitForPidAsync(except: pid);
        Assert.False(after.IsCompleted);
        gate.Open();

        Assert.Equal(restartedPid, await inFlight.Within());
        Assert.Equal(1, await after.Within());
        Assert.Equal(2, IsolatedCounter.Constructions(gate.Directory));
    }

    [Fact]
    public async Task When_restarts_are_used_up_calls_fail_with_ActorDiedException_saying_why()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().WithMaxRestarts(1).Remote();

        var first = actor.Call(x => x.Block(gate.Directory));
        var firstPid = await gate.WaitForPidAsync();
        FileGate.KillHard(firstPid);
        await Assert.ThrowsAsync<ActorDiedException>(async () => await first.Within());

        var second = actor.Call(x => x.Block(gate.Directory));
        var secondPid = await gate.WaitForPidAsync(except: firstPid);
        FileGate.KillHard(secondPid);

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await second.Within());
        Assert.Contains("died 2 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRestarts = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("SIGKILL", error.Message, StringComparison.Ordinal);

        var later = await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(x => x.Increment(1)).Within());
        Assert.Contains("died 2 times", later.Message, StringComparison.Ordinal);
        Assert.True(FileGate.IsGone(firstPid) && FileGate.IsGone(secondPid));
    }

    [Fact]
    public async Task Without_restarts_the_first_death_is_final()
    {
        await using var loom = await TestCluster.StartAsync();
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().Remote();

        var inFlight = actor.Call(x => x.Block(gate.Directory));
        FileGate.KillHard(await gate.WaitForPidAsync());

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await inFlight.Within());
        Assert.Contains("died once", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRestarts = 0", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(x => x.Increment(1)).Within());
    }

    [Fact]
    public async Task A_constructor_that_throws_in_the_worker_kills_the_actor_with_the_cause()
    {
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new IsolatedBroken("no config")).WithIsolation().WithMaxRestarts(3).Remote();

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await actor.Call(x => x.Get()).Within());

        Assert.Contains("constructor threw System.InvalidOperationException: no config", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, loom.GetStatus().Actors.Alive);
    }

    [Fact]
    public async Task An_isolated_actor_holding_gpus_sees_them_in_CUDA_VISIBLE_DEVICES()
    {
        await using var loom = await TestCluster.StartAsync(gpus: 2);
        using var gate = new FileGate();
        var actor = loom.Actor(() => new IsolatedCounter(gate.Directory)).WithIsolation().WithGpus(1).Remote();
        var actorDevices = await actor.Call(x => x.Devices()).Within();

        var taskDevices = await loom.Task(IsolatedFunctions.CudaVisibleDevices).WithIsolation().WithGpus(1).Remote().Within();

        Assert.Equal(["0", "1"], new[] { actorDevices, taskDevices }.Order(StringComparer.Ordinal));
    }
}
