using System.Globalization;
using Loom.Jobs.Queue;

namespace Loom.Tests.Cli.Jobs;

/// <summary>Queue semantics through the real CLI and head: quotas, preemption, limits, arrays and dependencies.</summary>
[Trait("Category", "Integration")]
public sealed class QueueSemanticsTests : IAsyncLifetime
{
    private readonly HeadFixture _head = new()
    {
        StartArguments = ["start", "--head", "--num-gpus", "2", "--num-cpus", "8", "--grace-period", "2", "--gpu-quota", "alice=1"],
    };

    public Task InitializeAsync() => _head.InitializeAsync();

    public Task DisposeAsync() => _head.DisposeAsync();

    [Fact]
    public async Task A_user_at_the_gpu_quota_waits_while_another_user_runs()
    {
        var release = Path.Combine(_head.Home, "release-quota");
        var hold = $"while [ ! -f {release} ]; do sleep 0.05; done";
        var first = await _head.SubmitAsync("run", "-cfg", "user=alice", "utils.sh", "--gpu", "1", "--", "sh", "-c", hold);
        await _head.WaitForStateAsync(first, JobState.Running);
        var second = await _head.SubmitAsync("run", "-cfg", "user=alice", "utils.sh", "--gpu", "1", "--", "true");
        var bob = await _head.SubmitAsync("run", "-cfg", "user=bob", "utils.sh", "--gpu", "1", "--", "true");

        await _head.WaitForStateAsync(bob, JobState.Succeeded);
        Assert.Equal(JobState.Queued, (await _head.Client.GetAsync(second)).State);
        await File.WriteAllTextAsync(release, "");
        await _head.WaitForStateAsync(second, JobState.Succeeded);
    }

    [Fact]
    public async Task A_higher_priority_job_preempts_a_preemptible_one_which_resumes_by_itself()
    {
        var low = await _head.SubmitAsync(
            "run", "-cfg", "user=carol,preemptible=true", "utils.sh", "--gpu", "2", "--",
            "sh", "-c", "if [ -n \"$LOOM_RESUME_FROM\" ]; then echo resumed; exit 0; fi; trap 'touch $LOOM_CHECKPOINT_DIR/ckpt; exit 0' TERM; while true; do sleep 0.05; done");
        await _head.WaitForAsync(low, j => j.State == JobState.Running && j.Replicas.Count == 1);

        var high = await _head.SubmitAsync("run", "-cfg", "user=dave,priority=10", "utils.sh", "--gpu", "2", "--", "echo", "high");

        await _head.WaitForStateAsync(high, JobState.Succeeded);
        await _head.WaitForStateAsync(low, JobState.Succeeded);
        var history = (await _head.Client.DescribeAsync(low)).History;
        Assert.Contains(history, t => t.To == JobState.Halted && t.Reason == $"Preempted by job {high.ToString(CultureInfo.InvariantCulture)}");
        Assert.Contains(history, t => t.To == JobState.Resumed);
        var (_, log, _) = await _head.Loom("log", low.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("resumed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_limit_ends_a_job_timeout()
    {
        var id = await _head.SubmitAsync("run", "-cfg", "time_limit=1s", "utils.sh", "--", "sleep", "600");

        var job = await _head.WaitForStateAsync(id, JobState.Timeout);

        Assert.Contains("time limit", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_over_the_memory_limit_ends_a_job_out_of_memory()
    {
        var id = await _head.SubmitAsync(
            "run", "-cfg", "memory_limit=50", "utils.sh", "--memMB", "32", "--", "python3", "-c", "import time; b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); time.sleep(600)");

        var job = await _head.WaitForStateAsync(id, JobState.OutOfMemory);

        Assert.Contains("over the limit of 50 MiB", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_runs_every_index_with_its_task_id()
    {
        var parent = await _head.SubmitAsync("run", "--array", "0-3%2", "utils.sh", "--", "sh", "-c", "echo task=$LOOM_ARRAY_TASK_ID");

        await _head.WaitForAsync(parent, _ => true);
        var tasks = await WaitAllAsync(parent, 4);
        var outputs = new List<string>();
        foreach (var task in tasks)
        {
            outputs.Add((await _head.Loom("log", task.Handle)).Stdout.Trim());
        }

        Assert.Equal(["task=0", "task=1", "task=2", "task=3"], outputs.Order());
    }

    [Fact]
    public async Task After_ok_waits_for_success_and_fails_when_its_dependency_fails()
    {
        var failing = await _head.SubmitAsync("run", "utils.sh", "--", "sh", "-c", "exit 1");
        var afterOk = await _head.SubmitAsync("run", "--after", failing.ToString(CultureInfo.InvariantCulture), "utils.echo");
        var afterAny = await _head.SubmitAsync("run", "--after-any", failing.ToString(CultureInfo.InvariantCulture), "utils.echo");

        var failed = await _head.WaitForStateAsync(afterOk, JobState.Failed);
        await _head.WaitForStateAsync(afterAny, JobState.Succeeded);
        Assert.Contains(failing.ToString(CultureInfo.InvariantCulture), failed.Reason, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Loom.Jobs.Api.JobView>> WaitAllAsync(long parent, int count)
    {
        while (true)
        {
            var tasks = await _head.Client.ListAsync(arrayParentId: parent);
            if (tasks.Count == count && tasks.All(t => t.State == JobState.Succeeded))
            {
                return tasks;
            }

            Assert.DoesNotContain(tasks, t => JobStateMachine.IsEnded(t.State) && t.State != JobState.Succeeded);
            await Task.Delay(50);
        }
    }
}
