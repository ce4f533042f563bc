using System.Diagnostics;
using System.Globalization;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;

namespace Loom.Tests.Cli.Jobs;

/// <summary>Kill -9 of the head with jobs queued and running, then a new head: nothing is lost.</summary>
[Trait("Category", "Integration")]
public sealed class HeadRestartTests : IAsyncLifetime
{
    private readonly HeadFixture _head = new() { StartArguments = ["start", "--head", "--num-gpus", "2", "--num-cpus", "8", "--grace-period", "3"] };

    public Task InitializeAsync() => _head.InitializeAsync();

    public Task DisposeAsync() => _head.DisposeAsync();

    [Fact]
    public async Task After_kill_9_queued_jobs_stay_live_replicas_are_reattached_and_dead_ones_fail_and_retry()
    {
        var release = Path.Combine(_head.Home, "release");
        var marker = Path.Combine(_head.Home, "second-attempt");
        // A holds both GPUs until released; B dies while the head is down and succeeds when retried; C waits for GPUs.
        var a = await _head.SubmitAsync("run", "utils.sh", "--gpu", "2", "--", "sh", "-c", $"touch started; while [ ! -f {release} ]; do sleep 0.05; done; echo a-done");
        var b = await _head.SubmitAsync("run", "-cfg", "max_retries=1", "utils.sh", "--", "sh", "-c", $"if [ -f {marker} ]; then echo b-retried; exit 0; fi; touch {marker}; touch started; sleep 600");
        var c = await _head.SubmitAsync("run", "utils.sh", "--gpu", "1", "--", "echo", "c-ran");
        var runningA = await _head.WaitForAsync(a, j => j.State == JobState.Running && j.Replicas.Count == 1);
        var runningB = await _head.WaitForAsync(b, j => j.State == JobState.Running && j.Replicas.Count == 1);
        await _head.WaitForFileAsync(Path.Combine(runningA.Replicas[0].Directory, "started"));
        await _head.WaitForFileAsync(Path.Combine(runningB.Replicas[0].Directory, "started"));
        Assert.Equal(JobState.Queued, (await _head.Client.GetAsync(c)).State);

        var headPid = HeadAddress.Read(new LoomHome(_head.Home))!.Pid;
        using (var headProcess = Process.GetProcessById(headPid))
        {
            headProcess.Kill();
            await headProcess.WaitForExitAsync();
        }

        foreach (var pid in Tree(runningB.Replicas[0].Pid))
        {
            using var replica = Process.GetProcessById(pid);
            replica.Kill();
        }

        var (code, stdout, stderr) = await _head.Loom(["start", "--head", "--num-gpus", "2", "--num-cpus", "8", "--grace-period", "3"]);
        Assert.True(code == 0, stdout + stderr);
        using var client = HeadClient.Connect(new LoomHome(_head.Home));

        var retried = await _head.WaitForAsync(b, j => j.State == JobState.Succeeded, client);
        Assert.Equal(1, retried.RetryCount);
        var history = (await client.DescribeAsync(b)).History;
        Assert.Contains(history, t => t.To == JobState.Failed && t.Reason.Contains("The head restarted and found replica sh/0", StringComparison.Ordinal));
        Assert.Equal(JobState.Running, (await client.GetAsync(a)).State);
        Assert.Equal(JobState.Queued, (await client.GetAsync(c)).State);

        await File.WriteAllTextAsync(release, "");
        await _head.WaitForAsync(a, j => j.State == JobState.Succeeded, client);
        await _head.WaitForAsync(c, j => j.State == JobState.Succeeded, client);
        var (_, log, _) = await _head.Loom("log", a.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("a-done", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_a_head_starts_one_and_says_so()
    {
        Assert.Equal(0, (await _head.Loom("stop")).ExitCode);

        var (code, stdout, stderr) = await _head.Loom("run", "--wait", "utils.echo", "--msg", "auto");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("No head was running, so one was started", stderr, StringComparison.Ordinal);
        Assert.Matches(@"^local://loom/echo-\d+$", stdout.Split('\n')[0]);
    }

    private static IEnumerable<int> Tree(int pid)
    {
        yield return pid;
        var children = $"/proc/{pid}/task/{pid}/children";
        if (!File.Exists(children))
        {
            yield break;
        }

        foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var descendant in Tree(int.Parse(child, CultureInfo.InvariantCulture)))
            {
                yield return descendant;
            }
        }
    }
}
