using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;
using Microsoft.Extensions.Time.Testing;
using static Loom.Jobs.Tests.Local.LocalRunFixture;

namespace Loom.Jobs.Tests.Local;

public sealed class AppRunTests : IDisposable
{
    private readonly LocalRunFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Each_replica_gets_its_rank_gpus_and_loom_variables()
    {
        const string script = "echo \"$LOOM_APP_ID $LOOM_REPLICA_ID $RANK $WORLD_SIZE $LOCAL_RANK $MASTER_ADDR $MASTER_PORT [$CUDA_VISIBLE_DEVICES] $LOOM_CHECKPOINT_DIR $ROLE_VAR $1\" > env.txt";
        var trainer = ShRole("trainer", script, replicas: 2) with
        {
            Args = ["-c", script, "x", "${app_id}-${replica_id}"],
            Env = new Dictionary<string, string> { ["ROLE_VAR"] = "${rank0_env}" },
        };
        var ps = ShRole("ps", script) with { Args = ["-c", script, "x", "ps${replica_id}"], Env = new Dictionary<string, string> { ["ROLE_VAR"] = "v" } };
        var options = _fixture.Options() with { GpuIdsByRank = [[0, 1], [2, 3]] };

        await using var run = AppRun.Start(App(trainer, ps), options);
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Succeeded, outcome.State);
        var port = run.MasterPort;
        var checkpoints = Path.Combine(_fixture.JobDirectory, "checkpoints");
        Assert.Equal($"app-1 0 0 3 0 localhost {port} [0,1] {checkpoints} MASTER_ADDR app-1-0", ReadEnv("trainer", 0));
        Assert.Equal($"app-1 1 1 3 1 localhost {port} [2,3] {checkpoints} MASTER_ADDR app-1-1", ReadEnv("trainer", 1));
        Assert.Equal($"app-1 0 2 3 2 localhost {port} [] {checkpoints} v ps0", ReadEnv("ps", 0));
        Assert.True(Directory.Exists(checkpoints));
    }

    [Fact]
    public async Task Stdout_and_stderr_go_to_the_replicas_log_files()
    {
        await using var run = AppRun.Start(App(ShRole("worker", "echo out-$RANK; echo err-$RANK >&2")), _fixture.Options());

        var outcome = await Outcome(run);

        Assert.Equal(JobState.Succeeded, outcome.State);
        Assert.Null(outcome.Reason);
        Assert.Equal("out-0\n", await File.ReadAllTextAsync(_fixture.ReplicaFile("worker", 0, "stdout.log")));
        Assert.Equal("err-0\n", await File.ReadAllTextAsync(_fixture.ReplicaFile("worker", 0, "stderr.log")));
        var exit = Assert.Single(outcome.Exits);
        Assert.Equal(0, exit.ExitCode);
        Assert.Equal(run.Replicas[0].Pid, exit.Pid);
    }

    [Fact]
    public async Task A_failing_replica_fails_the_run_names_it_and_stops_the_others()
    {
        var app = App(ShRole("worker", "if [ \"$RANK\" = 1 ]; then while [ ! -e ../0/ready ]; do sleep 0.05; done; exit 3; fi; touch ready; exec sleep 600", replicas: 2));

        await using var run = AppRun.Start(app, _fixture.Options());
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Failed, outcome.State);
        Assert.Contains("worker/1", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(3, outcome.Exits[1].ExitCode);
        Assert.Equal(PosixSignalsForTests.SigTerm, outcome.Exits[0].Signal);
    }

    [Fact]
    public async Task The_time_limit_ends_the_run_with_timeout()
    {
        var time = new FakeTimeProvider();
        var app = App(ShRole("worker", "touch ready; exec sleep 600")) with { TimeLimit = TimeSpan.FromMinutes(5) };

        await using var run = AppRun.Start(app, _fixture.Options(time));
        await WaitForFile(_fixture.ReplicaFile("worker", 0, "ready"));
        time.Advance(TimeSpan.FromMinutes(5));
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Timeout, outcome.State);
        Assert.Contains("time limit", outcome.Reason, StringComparison.Ordinal);
        Assert.True(Assert.Single(outcome.Exits).Signal == PosixSignalsForTests.SigTerm, outcome.Exits[0].ToString());
    }

    [Fact]
    public async Task A_replica_that_ignores_sigterm_is_killed_after_the_grace_period()
    {
        var time = new FakeTimeProvider();
        var app = App(ShRole("worker", "trap '' TERM; touch ready; sleep 600")) with { TimeLimit = TimeSpan.FromMinutes(5) };

        await using var run = AppRun.Start(app, _fixture.Options(time));
        await WaitForFile(_fixture.ReplicaFile("worker", 0, "ready"));
        time.Advance(TimeSpan.FromMinutes(5));
        await run.TerminationStarted.WaitAsync(Safety);
        Assert.False(run.Completion.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Timeout, outcome.State);
        Assert.Equal(PosixSignalsForTests.SigKill, Assert.Single(outcome.Exits).Signal);
    }

    [Fact]
    public async Task Going_over_the_memory_limit_ends_the_run_out_of_memory()
    {
        var allocate = ShRole("hog", "x") with
        {
            Entrypoint = "python3",
            Args = ["-c", "import time\nb = b'x' * (200 * 1024 * 1024)\ntime.sleep(600)"],
        };
        var app = App(allocate) with { MemoryLimitMB = 50 };
        var options = _fixture.Options() with { MemorySampleInterval = TimeSpan.FromMilliseconds(50) };

        await using var run = AppRun.Start(app, options);
        var outcome = await Outcome(run);

        Assert.Equal(JobState.OutOfMemory, outcome.State);
        Assert.Contains("hog/0", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("over the limit of 50 MiB", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(PosixSignalsForTests.SigKill, Assert.Single(outcome.Exits).Signal);
    }

    [Fact]
    public async Task Cancel_stops_every_replica_and_ends_cancelled()
    {
        await using var run = AppRun.Start(App(ShRole("worker", "touch ready; exec sleep 600", replicas: 2)), _fixture.Options());
        await WaitForFile(_fixture.ReplicaFile("worker", 0, "ready"));
        await WaitForFile(_fixture.ReplicaFile("worker", 1, "ready"));

        run.Cancel("user asked");
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Cancelled, outcome.State);
        Assert.Equal("user asked", outcome.Reason);
        Assert.All(outcome.Exits, e => Assert.Equal(PosixSignalsForTests.SigTerm, e.Signal));
    }

    [Fact]
    public async Task Halt_gives_replicas_the_checkpoint_folder_and_keeps_the_job_folder()
    {
        const string script = "trap 'echo step-7 > \"$LOOM_CHECKPOINT_DIR/ckpt-$RANK\"; exit 0' TERM; touch ready; while true; do sleep 1; done";
        await using var run = AppRun.Start(App(ShRole("trainer", script)), _fixture.Options());
        await WaitForFile(_fixture.ReplicaFile("trainer", 0, "ready"));

        run.Halt();
        var outcome = await Outcome(run);

        Assert.Equal(JobState.Halted, outcome.State);
        Assert.Equal("step-7\n", await File.ReadAllTextAsync(Path.Combine(_fixture.JobDirectory, "checkpoints", "ckpt-0")));
        Assert.True(File.Exists(_fixture.ReplicaFile("trainer", 0, "stdout.log")));
    }

    private string ReadEnv(string role, int replica) => File.ReadAllText(_fixture.ReplicaFile(role, replica, "env.txt")).TrimEnd('\n');
}
