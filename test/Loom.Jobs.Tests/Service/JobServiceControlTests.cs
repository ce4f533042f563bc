using System.Globalization;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceControlTests
{
    [Fact]
    public async Task Cancelling_a_running_job_ends_it_cancelled_and_stops_its_processes()
    {
        await using var f = new ServiceFixture();

        // Role arguments go through macro substitution, where "$$" stands for "$".
        var id = f.Submit(ShApp("sleeper", "echo $$$$ > pid.txt; exec sleep 600"));
        var running = await f.WaitForReplicaFile(id, "pid.txt");
        await f.WaitUntil(id, j => File.ReadAllText(ReplicaFile(j, "pid.txt")).EndsWith('\n'), "wrote its pid");
        var sleeper = int.Parse(ReadReplicaFile(running, "pid.txt"), CultureInfo.InvariantCulture);
        var shell = running.Replicas[0].Pid;
        var sleeperStart = ProcFs.StartTime(sleeper);
        var shellStart = ProcFs.StartTime(shell);
        Assert.NotNull(sleeperStart);
        Assert.NotNull(shellStart);

        f.Service.Cancel(id);
        var job = await f.WaitForState(id, JobState.Cancelled);

        Assert.Equal("Cancelled by the user", job.Reason);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Cancelled], f.States(id));
        Assert.False(ProcFs.IsSameProcess(sleeper, sleeperStart.Value), $"the replica's process {sleeper} still runs");
        Assert.False(ProcFs.IsSameProcess(shell, shellStart.Value), $"the replica's shell {shell} still runs");
        Assert.Equal(0, f.Service.Info().Running);
    }

    [Fact]
    public async Task Cancelling_a_job_queued_behind_a_dependency_or_gpus_ends_it_without_running()
    {
        await using var f = new ServiceFixture();
        var holder = f.Submit(ShApp("holder", $"touch started; {f.WaitFor("holder-go")}", gpus: 1));
        await f.WaitForReplicaFile(holder, "started");
        var waiting = f.Submit(
            ShApp("after-holder", "touch ran"),
            s => s with { Dependencies = [new JobDependency(holder, DependencyKind.AfterAny)] });
        var tooBig = f.Submit(ShApp("all-gpus", "touch ran", gpus: 4));

        var cancelled = f.Service.Cancel(waiting);
        var cancelledToo = f.Service.Cancel(tooBig);

        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal(JobState.Cancelled, cancelledToo.State);
        f.Release("holder-go");
        await f.WaitForState(holder, JobState.Succeeded);
        var probe = f.Submit(ShApp("probe", "true", gpus: 4));
        await f.WaitForState(probe, JobState.Succeeded);
        foreach (var id in new[] { waiting, tooBig })
        {
            var job = f.Service.Get(id);
            Assert.Equal(JobState.Cancelled, job.State);
            Assert.Equal([JobState.Queued, JobState.Cancelled], f.States(id));
            Assert.Empty(job.Replicas);
            Assert.Null(job.StartedAt);
            Assert.False(Directory.Exists(job.Directory), $"job {id} has a folder, so it ran");
        }
    }

    [Fact]
    public async Task Cancelling_an_ended_job_is_a_conflict()
    {
        await using var f = new ServiceFixture();
        var id = f.Submit(ShApp("quick", "true"));
        await f.WaitForState(id, JobState.Succeeded);

        var e = Assert.Throws<JobConflictException>(() => f.Service.Cancel(id));

        Assert.Contains("already ended SUCCEEDED", e.Message, StringComparison.Ordinal);
        Assert.Equal(JobState.Succeeded, f.Service.Get(id).State);
    }

    [Fact]
    public async Task A_halted_job_keeps_its_checkpoint_and_resumes_from_it()
    {
        await using var f = new ServiceFixture();
        const string script =
            "if [ -n \"$LOOM_RESUME_FROM\" ]; then echo \"$LOOM_RESUME_FROM\" > resume_from.txt; cat \"$LOOM_RESUME_FROM\" > resumed.txt; exit 0; fi; " +
            "trap 'echo step-7 > \"$LOOM_CHECKPOINT_DIR/ckpt-7\"; exit 0' TERM; " +
            "touch ready; while true; do sleep 0.1; done";

        var id = f.Submit(ShApp("trainer", script));
        await f.WaitForReplicaFile(id, "ready");
        f.Service.Halt(id);
        var halted = await f.WaitForState(id, JobState.Halted);

        var checkpoints = Path.Combine(halted.Directory, "checkpoints");
        var checkpoint = Path.Combine(checkpoints, "ckpt-7");
        Assert.StartsWith("Halted by the user", halted.Reason, StringComparison.Ordinal);
        Assert.Contains(checkpoints, halted.Reason, StringComparison.Ordinal);
        Assert.Equal("step-7\n", await File.ReadAllTextAsync(checkpoint));
        Assert.Empty(halted.GpuIds);
        Assert.Equal(0, f.Service.Info().Running);

        var resumed = f.Service.Resume(id);

        Assert.Contains(JobState.Resumed, f.States(id));
        Assert.NotEqual(JobState.Halted, resumed.State);
        var job = await f.WaitForState(id, JobState.Succeeded);
        Assert.Equal(checkpoint, ReadReplicaFile(job, "resume_from.txt"));
        Assert.Equal("step-7", ReadReplicaFile(job, "resumed.txt"));
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued, JobState.Running, JobState.Succeeded],
            f.States(id));
    }

    [Fact]
    public async Task Halting_a_queued_job_or_resuming_a_job_that_is_not_halted_is_a_conflict()
    {
        await using var f = new ServiceFixture();
        var holder = f.Submit(ShApp("holder", $"touch started; {f.WaitFor("holder-go")}"));
        await f.WaitForReplicaFile(holder, "started");
        var queued = f.Submit(ShApp("queued", "true"), s => s with { Dependencies = [new JobDependency(holder, DependencyKind.AfterOk)] });

        var halt = Assert.Throws<JobConflictException>(() => f.Service.Halt(queued));
        var resume = Assert.Throws<JobConflictException>(() => f.Service.Resume(holder));

        Assert.Contains("only a running job can be halted", halt.Message, StringComparison.Ordinal);
        Assert.Contains("only a halted job can be resumed", resume.Message, StringComparison.Ordinal);
        Assert.Equal(JobState.Queued, f.Service.Get(queued).State);
        Assert.Equal(JobState.Running, f.Service.Get(holder).State);
        f.Release("holder-go");
        await f.WaitForState(queued, JobState.Succeeded);
    }

    [Fact]
    public async Task A_job_resumed_as_soon_as_it_halted_can_be_halted_and_cancelled_again()
    {
        // The attempt that halted finishes its bookkeeping after the job is HALTED; a resume in that moment starts the
        // next attempt, which must stay under the service's control.
        await using var f = new ServiceFixture();
        var id = f.Submit(ShApp("on-off", "trap 'exit 0' TERM; while true; do sleep 0.05; done"));
        for (var cycle = 0; cycle < 25; cycle++)
        {
            await f.WaitForState(id, JobState.Running);
            f.Service.Halt(id);
            await UntilHalted(f, id);

            f.Service.Resume(id);
        }

        await f.WaitForState(id, JobState.Running);
        f.Service.Cancel(id);
        await f.WaitForState(id, JobState.Cancelled);
        Assert.Equal(0, f.Service.Info().Running);
    }

    [Fact]
    public async Task A_job_cancelled_as_soon_as_it_halted_ends_cancelled()
    {
        // Cancelling right after the job shows HALTED, while its attempt still finishes its bookkeeping, must not be lost.
        await using var f = new ServiceFixture();
        for (var cycle = 0; cycle < 20; cycle++)
        {
            var id = f.Submit(ShApp("stoppable", "trap 'exit 0' TERM; while true; do sleep 0.05; done"));
            await f.WaitForState(id, JobState.Running);
            f.Service.Halt(id);
            await UntilHalted(f, id);

            var job = f.Service.Cancel(id);

            Assert.True(job.State == JobState.Cancelled, $"Cycle {cycle}: cancelling the halted job left it {job.State}.{Environment.NewLine}{f.Explain(id)}");
            Assert.Equal([JobState.Queued, JobState.Running, JobState.Halted, JobState.Cancelled], f.States(id));
        }
    }

    [Fact]
    public async Task An_unknown_job_is_not_found()
    {
        await using var f = new ServiceFixture();

        Assert.Throws<KeyNotFoundException>(() => f.Service.Get(42));
        Assert.Throws<KeyNotFoundException>(() => f.Service.Cancel(42));
        Assert.Throws<KeyNotFoundException>(() => f.Service.Halt(42));
        Assert.Throws<KeyNotFoundException>(() => f.Service.Resume(42));
    }

    // Polls about every millisecond, to act on the job as soon as it shows HALTED.
    private static async Task UntilHalted(ServiceFixture f, long id)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (f.Service.Get(id).State != JobState.Halted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {id} never halted.{Environment.NewLine}{f.Explain(id)}");
            await Task.Delay(1);
        }
    }
}
