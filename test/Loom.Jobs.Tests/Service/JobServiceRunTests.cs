using System.Globalization;
using Loom.Jobs.Queue;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceRunTests
{
    [Fact]
    public async Task A_one_replica_app_succeeds_and_its_output_is_in_stdout_log()
    {
        await using var f = new ServiceFixture();

        var id = f.Submit(ShApp("hello", "echo \"hello from rank $RANK\""));
        var job = await f.WaitForState(id, JobState.Succeeded);

        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(id));
        Assert.Equal("Every replica exited with code 0", job.Reason);
        Assert.Equal("hello from rank 0", ReadReplicaFile(job, "stdout.log"));
        var replica = Assert.Single(job.Replicas);
        Assert.Equal(0, replica.ExitCode);
        Assert.Equal(f.Service.JobDirectory(id), job.Directory);
        Assert.Equal(Path.Combine(job.Directory, "worker", "0"), replica.Directory);
        Assert.Equal($"local://loom/hello-{id}", job.Handle);
        Assert.NotNull(job.StartedAt);
        Assert.NotNull(job.EndedAt);
    }

    [Fact]
    public async Task Replicas_get_the_job_rank_rendezvous_and_checkpoint_variables()
    {
        await using var f = new ServiceFixture();
        const string script =
            "echo \"$LOOM_APP_ID|$LOOM_JOB_ID|$RANK|$WORLD_SIZE|$LOCAL_RANK|$LOOM_REPLICA_ID|$LOOM_ROLE_NAME|$MASTER_ADDR|$MASTER_PORT|$LOOM_CHECKPOINT_DIR|${LOOM_RESUME_FROM-unset}|$CUDA_VISIBLE_DEVICES\" > env.txt";

        var id = f.Submit(ShApp("envcheck", script, replicas: 3, gpus: 1));
        var job = await f.WaitForState(id, JobState.Succeeded);

        Assert.Equal(3, job.Replicas.Count);
        Assert.Equal(3, job.Gpus);
        Assert.Empty(job.GpuIds); // released when it ended
        var checkpoints = Path.Combine(job.Directory, "checkpoints");
        var ports = new HashSet<string>(StringComparer.Ordinal);
        var gpus = new List<int>();
        for (var rank = 0; rank < 3; rank++)
        {
            var fields = ReadReplicaFile(job, "env.txt", rank).Split('|');
            var r = rank.ToString(CultureInfo.InvariantCulture);
            Assert.Equal($"envcheck-{id}", fields[0]);
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), fields[1]);
            Assert.Equal(r, fields[2]);
            Assert.Equal("3", fields[3]);
            Assert.Equal(r, fields[4]);
            Assert.Equal(r, fields[5]);
            Assert.Equal("worker", fields[6]);
            Assert.Equal("localhost", fields[7]);
            Assert.InRange(int.Parse(fields[8], CultureInfo.InvariantCulture), 1, 65535);
            ports.Add(fields[8]);
            Assert.Equal(checkpoints, fields[9]);
            Assert.Equal("unset", fields[10]);
            gpus.Add(int.Parse(fields[11], CultureInfo.InvariantCulture));
        }

        Assert.Single(ports);
        Assert.Equal(3, gpus.Distinct().Count());
        Assert.All(gpus, g => Assert.InRange(g, 0, 3));
        Assert.True(Directory.Exists(checkpoints));
    }

    [Fact]
    public async Task A_failing_command_ends_failed_with_its_exit_code()
    {
        await using var f = new ServiceFixture();

        var id = f.Submit(ShApp("fails", "echo oops >&2; exit 3"));
        var job = await f.WaitForState(id, JobState.Failed);

        Assert.Contains("exited with code 3", job.Reason, StringComparison.Ordinal);
        Assert.Contains("worker/0", job.Reason, StringComparison.Ordinal);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Failed], f.States(id));
        Assert.Equal(0, job.RetryCount);
        Assert.Equal(3, Assert.Single(job.Replicas).ExitCode);
        Assert.Equal("oops", ReadReplicaFile(job, "stderr.log"));
    }

    [Fact]
    public async Task A_failing_command_is_retried_and_ends_failed_after_the_last_retry()
    {
        await using var f = new ServiceFixture();
        var runs = f.ControlFile("runs");

        var id = f.Submit(ShApp("flaky", $"echo run >> '{runs}'; exit 4"), s => s with { MaxRetries = 2 });
        var job = await f.WaitUntil(id, j => j.State == JobState.Failed && j.RetryCount == 2, "failed after two retries");

        Assert.Equal(2, job.MaxRetries);
        Assert.Contains("exited with code 4", job.Reason, StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(runs)).Length);
        JobState[] attempt = [JobState.Running, JobState.Failed];
        Assert.Equal([JobState.Queued, .. attempt, JobState.Queued, .. attempt, JobState.Queued, .. attempt], f.States(id));
        var retries = f.Service.Describe(id).History.Where(t => t.From == JobState.Failed).Select(t => t.Reason).ToArray();
        Assert.Equal(2, retries.Length);
        Assert.StartsWith("Retry 1 of 2 after FAILED", retries[0], StringComparison.Ordinal);
        Assert.StartsWith("Retry 2 of 2 after FAILED", retries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_fails_first_and_succeeds_on_retry_ends_succeeded()
    {
        await using var f = new ServiceFixture();
        var marker = f.ControlFile("tried");

        var id = f.Submit(
            ShApp("second-time", $"if [ -e '{marker}' ]; then echo ok; exit 0; fi; touch '{marker}'; exit 1"),
            s => s with { MaxRetries = 2 });
        var job = await f.WaitForState(id, JobState.Succeeded);

        Assert.Equal(1, job.RetryCount);
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Failed, JobState.Queued, JobState.Running, JobState.Succeeded],
            f.States(id));
        Assert.Equal("ok", ReadReplicaFile(job, "stdout.log"));
    }

    [Fact]
    public async Task The_role_retries_apply_when_the_submission_sets_none()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("role-retries", "exit 5");
        app = app with { Roles = [app.Roles[0] with { MaxRetries = 1 }] };

        var id = f.Submit(app);
        var job = await f.WaitUntil(id, j => j.State == JobState.Failed && j.RetryCount == 1, "failed after one retry");

        Assert.Equal(1, job.MaxRetries);
    }

    [Fact]
    public async Task The_time_limit_ends_the_job_with_timeout()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("slow", "sleep 600") with { TimeLimit = TimeSpan.FromSeconds(1) };

        var id = f.Submit(app);
        var job = await f.WaitForState(id, JobState.Timeout);

        Assert.Contains("time limit", job.Reason, StringComparison.Ordinal);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Timeout], f.States(id));
        Assert.Empty(job.GpuIds);
    }
}
