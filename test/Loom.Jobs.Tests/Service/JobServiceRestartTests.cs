using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceRestartTests
{
    [Fact]
    public async Task A_job_running_when_the_service_stops_is_queued_again_and_runs_when_it_starts_again()
    {
        await using var f = new ServiceFixture();
        var runs = f.ControlFile("runs");
        var script =
            $"echo \"run ${{LOOM_RESUME_FROM-none}}\" >> '{runs}'; " +
            "trap 'echo step-5 > \"$LOOM_CHECKPOINT_DIR/step-5\"; exit 0' TERM; " +
            $"touch \"started-$(( $(wc -l < '{runs}') ))\"; {f.WaitFor("go")}";
        var id = f.Submit(ShApp("long", script, gpus: 1));
        await f.WaitForReplicaFile(id, "started-1");

        await f.StopAsync();

        using (var store = JobStore.Open(Path.Combine(f.Home, "jobs.db"), TimeProvider.System))
        {
            var stopped = store.Get(id)!;
            Assert.Equal(JobState.Queued, stopped.State);
            Assert.Empty(stopped.GpuIds);
            var history = store.History(id);
            Assert.Equal(
                [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued],
                history.Select(t => t.To));
            Assert.Equal("The head stopped", history[2].Reason);
            Assert.Equal("Resumes when the head starts again", history[3].Reason);
        }

        f.Release("go");
        f.StartAgain();
        var job = await f.WaitForState(id, JobState.Succeeded);

        var checkpoint = Path.Combine(job.Directory, "checkpoints", "step-5");
        Assert.Equal(["run none", $"run {checkpoint}"], await File.ReadAllLinesAsync(runs));
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued, JobState.Running, JobState.Succeeded],
            f.States(id));
    }

    [Fact]
    public async Task Queued_jobs_survive_a_restart()
    {
        await using var f = new ServiceFixture();
        var holder = f.Submit(ShApp("holder", $"touch started; {f.WaitFor("go")}"));
        await f.WaitForReplicaFile(holder, "started");
        var afterHolder = f.Submit(ShApp("after", "echo after"), s => s with { Dependencies = [new JobDependency(holder, DependencyKind.AfterOk)] });
        var allGpus = f.Submit(ShApp("wide", "echo wide", gpus: 4), s => s with { Dependencies = [new JobDependency(holder, DependencyKind.AfterAny)] });

        await f.StopAsync();
        f.Release("go");
        f.StartAgain();

        Assert.Equal(JobState.Queued, f.Service.Get(afterHolder).State);
        var after = await f.WaitForState(afterHolder, JobState.Succeeded);
        var wide = await f.WaitForState(allGpus, JobState.Succeeded);
        await f.WaitForState(holder, JobState.Succeeded);
        Assert.Equal("after", ReadReplicaFile(after, "stdout.log"));
        Assert.Equal("wide", ReadReplicaFile(wide, "stdout.log"));
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(afterHolder));
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(allGpus));
        Assert.Equal(3, f.Service.List().Count);
    }

    // A head that crashed leaves its job RUNNING in the database and its replicas running. This is simulated by
    // writing, with the job store, what the head records when it starts a job, and starting the replicas as the
    // head does (AppRun); the service started next finds them again.
    [Fact]
    public async Task A_service_started_after_a_crashed_head_reattaches_its_running_replicas_and_sees_them_succeed()
    {
        await using var f = new ServiceFixture();
        await f.StopAsync();
        var app = ShApp("orphan", $"touch started; {f.WaitFor("orphan-go")}; echo done");

        var (id, run) = LeaveRunning(f, app, gpus: [2]);
        await using (run)
        {
            f.StartAgain();

            var reattached = f.Service.Get(id);
            Assert.Equal(JobState.Running, reattached.State);
            Assert.Equal([2], reattached.GpuIds);
            Assert.Equal(1, f.Service.Info().Running);
            Assert.Equal([0, 1, 3], f.Service.Info().FreeGpuIds);

            f.Release("orphan-go");
            var job = await f.WaitForState(id, JobState.Succeeded);

            Assert.Equal("Every replica exited with code 0", job.Reason);
            Assert.Equal("done", ReadReplicaFile(job, "stdout.log"));
            Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(id));
            Assert.Equal([0, 1, 2, 3], f.Service.Info().FreeGpuIds);
            await run.Completion.WaitAsync(Safety);
        }
    }

    [Fact]
    public async Task A_reattached_job_can_be_cancelled_and_its_replicas_are_stopped()
    {
        await using var f = new ServiceFixture();
        await f.StopAsync();
        var app = ShApp("orphan", "touch started; exec sleep 600");

        var (id, run) = LeaveRunning(f, app, gpus: []);
        await using (run)
        {
            await WaitForFile(Path.Combine(run.Replicas[0].Directory, "started"));
            f.StartAgain();
            Assert.Equal(JobState.Running, f.Service.Get(id).State);

            f.Service.Cancel(id);
            var job = await f.WaitForState(id, JobState.Cancelled);

            Assert.Equal("Cancelled by the user", job.Reason);
            var outcome = await run.Completion.WaitAsync(Safety);
            Assert.Equal(143, Assert.Single(outcome.Exits).ExitCode);
        }
    }

    [Fact]
    public async Task A_replica_that_failed_while_no_head_ran_fails_the_job_on_restart()
    {
        await using var f = new ServiceFixture();
        await f.StopAsync();
        var app = ShApp("orphan", "exit 3");

        var (id, run) = LeaveRunning(f, app, gpus: []);
        await using (run)
        {
            await run.Completion.WaitAsync(Safety);
            f.StartAgain();

            var job = await f.WaitForState(id, JobState.Failed);

            Assert.StartsWith("The head restarted and found replica worker/0 (rank 0, pid ", job.Reason, StringComparison.Ordinal);
            Assert.EndsWith("exited with code 3", job.Reason, StringComparison.Ordinal);
        }
    }

    // Records the job as the head does when it starts it, and starts its replicas; no service watches them.
    private static (long Id, AppRun Run) LeaveRunning(ServiceFixture f, AppDef app, IReadOnlyList<int> gpus)
    {
        using var store = JobStore.Open(Path.Combine(f.Home, "jobs.db"), TimeProvider.System);
        var id = store.Submit(new JobRequest { Name = app.Name, User = "crashed", Gpus = gpus.Count, Payload = JobService.SerializeApp(app) })[0].Id;
        store.Transition(id, JobState.Running, "Started", gpus);
        var run = AppRun.Start(app, new AppRunOptions
        {
            JobDirectory = Path.Combine(f.Home, "jobs", id.ToString(CultureInfo.InvariantCulture)),
            AppId = JobHandle.AppId(app.Name, id),
            GpuIdsByRank = [gpus],
            GracePeriod = TimeSpan.FromSeconds(2),
        });
        store.SetReplicas(id, JobViews.WriteReplicas(run.Replicas));
        return (id, run);
    }
}
