using System.Diagnostics;
using Loom.Jobs.Local;

namespace Loom.Jobs.Tests.Local;

public sealed class ReattachTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_live_replica_is_watched_until_it_exits()
    {
        using var sleeper = Process.Start("sleep", "600");
        var recorded = Record(sleeper.Id, ProcFs.StartTime(sleeper.Id));

        using var run = ReplicaRunner.Reattach([recorded], Poll);

        Assert.Equal([recorded], run.Alive);
        Assert.Empty(run.Dead);
        Assert.False(run.Exited.IsCompleted);
        run.Terminate();
        await sleeper.WaitForExitAsync().WaitAsync(LocalRunFixture.Safety);
        await run.Exited.WaitAsync(LocalRunFixture.Safety);
    }

    [Fact]
    public async Task A_replica_that_has_gone_is_reported_dead()
    {
        using var done = Process.Start("true");
        var start = ProcFs.StartTime(done.Id);
        await done.WaitForExitAsync().WaitAsync(LocalRunFixture.Safety);
        var recorded = Record(done.Id, start ?? 1);

        using var run = ReplicaRunner.Reattach([recorded], Poll);

        Assert.Equal([recorded], run.Dead);
        Assert.Empty(run.Alive);
        await run.Exited.WaitAsync(LocalRunFixture.Safety);
    }

    [Fact]
    public void A_live_process_with_another_start_time_is_not_the_recorded_replica()
    {
        var self = Environment.ProcessId;
        var recorded = Record(self, ProcFs.StartTime(self) + 1);

        using var run = ReplicaRunner.Reattach([recorded], Poll);

        Assert.Equal([recorded], run.Dead);
    }

    [Fact]
    public async Task Replicas_of_an_app_run_can_be_found_again()
    {
        using var fixture = new LocalRunFixture();
        var app = LocalRunFixture.App(LocalRunFixture.ShRole("worker", "touch ready; exec sleep 600", replicas: 2));
        await using var first = AppRun.Start(app, fixture.Options());
        await LocalRunFixture.WaitForFile(fixture.ReplicaFile("worker", 0, "ready"));
        await LocalRunFixture.WaitForFile(fixture.ReplicaFile("worker", 1, "ready"));

        using var again = ReplicaRunner.Reattach(first.Replicas, Poll);

        Assert.Equal(first.Replicas, again.Alive);
        again.Kill();
        await again.Exited.WaitAsync(LocalRunFixture.Safety);
        var outcome = await LocalRunFixture.Outcome(first);
        // The first run still watches here (after a real head crash it is gone): when the re-attached
        // runner's SIGKILL ends one replica, the first run may stop the other with SIGTERM before it.
        Assert.All(outcome.Exits, e => Assert.True(e.Signal is PosixSignalsForTests.SigKill or PosixSignalsForTests.SigTerm, e.ToString()));
        Assert.Contains(outcome.Exits, e => e.Signal == PosixSignalsForTests.SigKill);
    }

    private static ReplicaProcessInfo Record(int pid, long? startTime) => new("worker", 0, 0, pid, startTime, "/nonexistent");
}
