using Loom.Jobs.Queue;
using Loom.Jobs.Slurm;
using Loom.Jobs.Slurm.Records;
using Loom.Jobs.Slurm.Script;
using Loom.Jobs.Slurm.Tracking;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmJobViewsTests : IDisposable
{
    private readonly SlurmTestApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Fact]
    public void A_queued_job_explains_slurms_reason()
    {
        var view = SlurmJobViews.Build("c", 10, null, Record(2), [Info(10, 10, "PENDING", reason: "Resources"), Info(11, 10, "PENDING", reason: "Resources")]);

        Assert.Equal(JobState.Queued, view.State);
        Assert.Equal(SlurmReasons.Describe("Resources"), view.Reason);
        Assert.Equal(["10", "11"], view.SchedulerJobIds);
        Assert.Equal("slurm://c/10", view.Handle);
        Assert.Equal("app-10", view.AppId);
        Assert.Null(view.StartedAt);
    }

    [Fact]
    public void A_failed_job_names_the_replica_that_failed_and_the_exit_code()
    {
        var record = Record(2);
        Directory.CreateDirectory(record.JobDir);
        File.WriteAllText(SlurmLogPaths.Replica(record.JobDir, "10", "r", 0, "exit"), "0\n");
        File.WriteAllText(SlurmLogPaths.Replica(record.JobDir, "10", "r", 1, "exit"), "3\n");

        var view = SlurmJobViews.Build("c", 10, null, record,
            [Info(10, 10, "FAILED", reason: "NonZeroExitCode", exit: 3), Info(11, 10, "FAILED", reason: "NonZeroExitCode", exit: 3)]);

        Assert.Equal(JobState.Failed, view.State);
        Assert.Equal("replica r/1 exited with 3; exit code 3", view.Reason);
        Assert.Equal([0, 3], view.Replicas.Select(r => r.ExitCode));
        Assert.Equal([0, 1], view.Replicas.Select(r => r.Rank));
    }

    [Fact]
    public void An_array_handle_combines_its_tasks_and_a_task_handle_shows_one()
    {
        var record = Record(1) with { Array = "0-2", ArrayIndexes = [0, 1, 2] };
        var infos = new[]
        {
            Info(20, 20, "COMPLETED", task: 0),
            Info(21, 20, "FAILED", task: 1, exit: 1),
            Info(20, 20, "PENDING", reason: "JobArrayTaskLimit"),
        };

        var whole = SlurmJobViews.Build("c", 20, null, record, infos);
        var first = SlurmJobViews.Build("c", 20, 0, record, infos);
        var last = SlurmJobViews.Build("c", 20, 2, record, infos);

        Assert.Equal(JobState.Queued, whole.State);
        Assert.Equal(JobState.Succeeded, first.State);
        Assert.Equal("slurm://c/20_0", first.Handle);
        Assert.Equal("app-20_0", first.AppId);
        Assert.Equal(20, first.ArrayParentId);
        Assert.Equal(0, first.ArrayIndex);
        Assert.Equal(["20_0"], first.SchedulerJobIds);
        Assert.Equal(JobState.Queued, last.State);
    }

    private SlurmJobRecord Record(int replicas)
    {
        var app = App(Sh("r", "true", replicas));
        return new SlurmJobRecord
        {
            JobId = 10,
            Cluster = "c",
            App = app,
            JobDir = _apps.JobDir,
            ScriptPath = Path.Combine(_apps.JobDir, "x.sbatch"),
            WorkingDirectory = _apps.Home,
            Layout = SlurmJobPlan.Layout(app),
            SubmittedAt = DateTimeOffset.UnixEpoch,
        };
    }

    private static SlurmJobInfo Info(long id, long baseId, string state, string reason = "", int? exit = null, int? task = null) => new()
    {
        JobId = id,
        BaseJobId = baseId,
        State = state,
        Reason = reason,
        ExitCode = exit,
        Signal = exit is null ? null : 0,
        ArrayTaskId = task,
    };
}
