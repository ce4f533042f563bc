using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class ActorKillInFlightTests
{
    private static TaskCompletionSource s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Killing_an_actor_fails_the_getter_of_a_call_still_running_at_once()
    {
        s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loom = await TestCluster.StartAsync();
        var actor = loom.Actor(() => new Stuck()).Remote();
        var running = actor.Call(a => a.WaitForeverAsync());
        await s_started.Task.WaitAsync(TestCluster.Patience);

        await actor.KillAsync();

        var error = await Assert.ThrowsAsync<ActorDiedException>(async () => await running.Within());
        Assert.Contains("killed", error.Message, StringComparison.Ordinal);
        s_gate.SetResult();
    }

    public sealed class Stuck
    {
        public async Task<int> WaitForeverAsync()
        {
            s_started.SetResult();
            await s_gate.Task;
            return 1;
        }
    }
}
