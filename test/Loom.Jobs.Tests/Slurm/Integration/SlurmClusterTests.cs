using Loom.Jobs.Queue;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm.Integration;

[Trait("Category", "Slurm")]
public sealed class SlurmClusterTests : IDisposable
{
    private readonly SlurmClusterFixture _cluster = new();

    public void Dispose() => _cluster.Dispose();

    [SlurmFact]
    public async Task One_replica_app_succeeds_and_its_stdout_is_readable()
    {
        var app = App(Sh("hello", "echo \"hello from $LOOM_ROLE_NAME $LOOM_REPLICA_ID of $LOOM_APP_ID\"; echo oops >&2"));

        var result = await _cluster.SubmitAsync(_cluster.Apps.Submission(app));
        var job = await _cluster.WaitEndedAsync(result.Handle);

        Assert.StartsWith("slurm://loom-local/", result.Handle, StringComparison.Ordinal);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal($"hello from hello 0 of {job.AppId}\n", await _cluster.LogAsync(result.Handle, "hello", 0));
        Assert.Equal("oops\n", await _cluster.LogAsync(result.Handle, "hello", 0, "stderr"));
        Assert.Equal(0, Assert.Single(job.Replicas).ExitCode);
        Assert.NotNull(job.StartedAt);
        Assert.NotNull(job.EndedAt);

        var listed = Assert.Single(await _cluster.Scheduler.ListAsync(), j => j.Handle == result.Handle);
        Assert.Equal(JobState.Succeeded, listed.State);
        var described = await _cluster.Scheduler.DescribeAsync(result.Handle);
        Assert.Equal(app.Name, described.App!.Name);
        Assert.Equal(app.Roles[0].Args, described.App.Roles[0].Args);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], described.History.Select(t => t.To));
    }

    [SlurmFact]
    public async Task Two_replicas_get_ranks_0_and_1_and_the_same_master()
    {
        var app = App(Sh("worker", "echo \"rank=$RANK world=$WORLD_SIZE local=$LOCAL_RANK replica=$LOOM_REPLICA_ID master=$MASTER_ADDR:$MASTER_PORT\"", replicas: 2));

        var result = await _cluster.SubmitAsync(_cluster.Apps.Submission(app));
        var job = await _cluster.WaitEndedAsync(result.Handle);

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, job.SchedulerJobIds.Count);
        var first = await _cluster.LogAsync(result.Handle, "worker", 0);
        var second = await _cluster.LogAsync(result.Handle, "worker", 1);
        Assert.StartsWith("rank=0 world=2 local=0 replica=0 master=node", first, StringComparison.Ordinal);
        Assert.StartsWith("rank=1 world=2 local=0 replica=1 master=node", second, StringComparison.Ordinal);
        Assert.Equal(first[(first.IndexOf("master=", StringComparison.Ordinal))..], second[(second.IndexOf("master=", StringComparison.Ordinal))..]);
    }

    [SlurmFact]
    public async Task A_failing_command_ends_failed_with_its_exit_code()
    {
        var app = App(Sh("bad", "exit 3"));

        var result = await _cluster.SubmitAsync(_cluster.Apps.Submission(app));
        var job = await _cluster.WaitEndedAsync(result.Handle);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(3, Assert.Single(job.Replicas).ExitCode);
        Assert.Contains("exited with 3", job.Reason, StringComparison.Ordinal);
        Assert.Contains("exit code 3", job.Reason, StringComparison.Ordinal);
    }

    [SlurmFact]
    public async Task An_array_runs_every_index()
    {
        var app = App(Sh("task", "echo \"index=$LOOM_ARRAY_TASK_ID\""));

        var result = await _cluster.SubmitAsync(_cluster.Apps.Submission(app, array: "0-3"));
        var whole = await _cluster.WaitEndedAsync(result.Handle);

        Assert.Equal([0, 1, 2, 3], result.Jobs.Select(j => j.ArrayIndex ?? -1));
        Assert.Equal(JobState.Succeeded, whole.State);
        foreach (var task in result.Jobs)
        {
            var view = await _cluster.Scheduler.GetAsync(task.Handle);
            Assert.Equal(JobState.Succeeded, view.State);
            Assert.Equal($"index={task.ArrayIndex}\n", await _cluster.LogAsync(task.Handle, "task", 0));
        }
    }

    [SlurmFact]
    public async Task A_cancelled_job_ends_cancelled()
    {
        var result = await _cluster.SubmitAsync(_cluster.Apps.Submission(App(Sh("sleeper", "sleep 300"))));

        await _cluster.Scheduler.CancelAsync(result.Handle);
        var job = await _cluster.WaitEndedAsync(result.Handle);

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal("cancelled", job.Reason);
    }

    [SlurmFact]
    public async Task A_job_waiting_for_gpus_shows_why()
    {
        var gpus = new Resource { Gpu = 2 };
        var filler = App(Sh("filler", "sleep 300") with { Resource = gpus });
        await _cluster.SubmitAsync(_cluster.Apps.Submission(filler));
        await _cluster.SubmitAsync(_cluster.Apps.Submission(filler));

        var waiting = await _cluster.SubmitAsync(_cluster.Apps.Submission(App(Sh("waiter", "true") with { Resource = gpus })));
        var job = await _cluster.WaitAsync(waiting.Handle, j => j.Reason.Length > 0);

        Assert.Equal(JobState.Queued, job.State);
        Assert.NotEmpty(job.Reason);
    }

    [SlurmFact]
    public async Task A_request_no_node_can_hold_is_a_usage_error()
    {
        var app = App(Sh("greedy", "true") with { Resource = new Resource { Gpu = 99 } });

        var error = await Assert.ThrowsAsync<SchedulerException>(() => _cluster.SubmitAsync(_cluster.Apps.Submission(app)));

        Assert.True(error.IsUsageError);
        Assert.Contains("99 GPU(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("sinfo -o '%P %c %m %G'", error.Message, StringComparison.Ordinal);
    }
}
