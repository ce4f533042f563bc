using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Loom.Tests.Cli.Schedulers;

/// <summary>
/// The contract every scheduler backend honours, driven through the real <c>loom</c> binary: a
/// submitted app gets a handle of its scheduler, runs to SUCCEEDED with readable logs, gives each
/// replica its own rank, ends FAILED with the command's exit code, ends TIMEOUT past its time limit,
/// can be cancelled, and runs every index of an array. Each backend runs it by deriving from it.
/// </summary>
public abstract class SchedulerContractTests
{
    /// <summary>The scheduler's name (<c>-s</c>) and handle scheme.</summary>
    protected abstract string Scheduler { get; }

    /// <summary>A folder the test's replicas can write to (it is visible to the test).</summary>
    protected abstract string Work { get; }

    /// <summary>The <c>-cfg</c> time limit that ends a <c>sleep 600</c> early, in the scheduler's granularity.</summary>
    protected abstract string ShortTimeLimit { get; }

    /// <summary>How long a job may take to reach a state before the test fails.</summary>
    protected abstract TimeSpan Patience { get; }

    /// <summary>Runs <c>loom</c> against the scheduler's state folder.</summary>
    protected abstract Task<(int ExitCode, string Stdout, string Stderr)> Loom(params string[] arguments);

    /// <summary>Skips (or, where the backend is required, fails) when the backend cannot be reached.</summary>
    protected virtual void EnsureAvailable()
    {
    }

    [SkippableFact]
    public async Task A_one_replica_app_succeeds_and_its_log_is_readable()
    {
        EnsureAvailable();
        var (code, stdout, stderr) = await Loom("run", "-s", Scheduler, "--wait", "utils.echo", "--msg", "hello from the contract");

        Assert.True(code == 0, stdout + stderr);
        var handle = Handle(stdout);
        Assert.Equal("SUCCEEDED", await StateAsync(handle));
        var (_, log, _) = await Loom("log", handle);
        Assert.Contains("hello from the contract", log, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Each_replica_of_a_multi_replica_app_gets_its_own_rank()
    {
        EnsureAvailable();
        var (code, stdout, stderr) = await Loom(
            "run", "-s", Scheduler, "--wait", "utils.sh", "--num-replicas", "2", "--memMB", "100", "--",
            "sh", "-c", "echo rank=$RANK world=$WORLD_SIZE replica=$LOOM_REPLICA_ID");

        Assert.True(code == 0, stdout + stderr);
        var (_, log, _) = await Loom("log", Handle(stdout), "--regex", "rank=");
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.EndsWith("rank=0 world=2 replica=0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("rank=1 world=2 replica=1", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_failing_command_ends_failed_with_its_exit_code()
    {
        EnsureAvailable();
        var (code, stdout, stderr) = await Loom("run", "-s", Scheduler, "--wait", "utils.sh", "--memMB", "100", "--", "sh", "-c", "exit 3");

        Assert.Equal(1, code);
        Assert.Contains("FAILED", stderr, StringComparison.Ordinal);
        using var status = await StatusAsync(Handle(stdout));
        Assert.Equal("FAILED", status.RootElement.GetProperty("state").GetString());
        var replica = Assert.Single(status.RootElement.GetProperty("replicas").EnumerateArray());
        Assert.Equal(3, replica.GetProperty("exitCode").GetInt32());
    }

    [SkippableFact]
    public async Task A_job_past_its_time_limit_ends_timeout()
    {
        EnsureAvailable();
        var (code, stdout, stderr) = await Loom(
            "run", "-s", Scheduler, "--wait", "-cfg", "time_limit=" + ShortTimeLimit, "utils.sh", "--memMB", "100", "--", "sleep", "600");

        Assert.Equal(1, code);
        Assert.Contains("TIMEOUT", stderr, StringComparison.Ordinal);
        Assert.Equal("TIMEOUT", await StateAsync(Handle(stdout)));
    }

    [SkippableFact]
    public async Task A_running_job_can_be_cancelled()
    {
        EnsureAvailable();
        var (code, stdout, stderr) = await Loom("run", "-s", Scheduler, "utils.sh", "--memMB", "100", "--", "sleep", "600");
        Assert.True(code == 0, stdout + stderr);
        var handle = Handle(stdout);
        await UntilStateAsync(handle, "RUNNING");

        var (cancelCode, cancelOut, cancelErr) = await Loom("cancel", handle);

        Assert.True(cancelCode == 0, cancelOut + cancelErr);
        await UntilStateAsync(handle, "CANCELLED");
    }

    [SkippableFact]
    public async Task Every_index_of_an_array_runs()
    {
        EnsureAvailable();
        var folder = Path.Combine(Work, "array-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        var (code, stdout, stderr) = await Loom(
            "run", "-s", Scheduler, "--array", "0-3", "utils.sh", "--memMB", "100", "--", "sh", "-c", $"touch {folder}/task-$LOOM_ARRAY_TASK_ID");

        Assert.True(code == 0, stdout + stderr);
        var watch = Stopwatch.StartNew();
        string[] expected = ["task-0", "task-1", "task-2", "task-3"];
        while (!expected.All(name => File.Exists(Path.Combine(folder, name))))
        {
            var present = string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.True(watch.Elapsed < Patience, $"after {Patience}: only [{present}] of the array's tasks ran");
            await Task.Delay(200);
        }

        Assert.Equal(expected, Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    /// <summary>The handle <c>loom run</c> printed alone on its first line, checked to be of this scheduler.</summary>
    protected string Handle(string stdout)
    {
        var handle = stdout.Split('\n')[0].Trim();
        Assert.StartsWith(Scheduler + "://", handle, StringComparison.Ordinal);
        return handle;
    }

    /// <summary><c>loom status HANDLE --json</c>.</summary>
    protected async Task<JsonDocument> StatusAsync(string handle)
    {
        var (code, json, stderr) = await Loom("status", handle, "--json");
        Assert.True(code == 0, json + stderr);
        return JsonDocument.Parse(json);
    }

    /// <summary>The job's state as <c>loom status --json</c> names it.</summary>
    protected async Task<string> StateAsync(string handle)
    {
        using var status = await StatusAsync(handle);
        return status.RootElement.GetProperty("state").GetString()!;
    }

    /// <summary>Polls <c>loom status</c> until the job is in <paramref name="state"/>; fails after <see cref="Patience"/>.</summary>
    protected async Task UntilStateAsync(string handle, string state)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var current = await StateAsync(handle);
            if (current == state)
            {
                return;
            }

            Assert.True(watch.Elapsed < Patience, string.Create(CultureInfo.InvariantCulture, $"{handle} is {current}, not {state}, after {Patience.TotalSeconds} s"));
            await Task.Delay(200);
        }
    }
}
