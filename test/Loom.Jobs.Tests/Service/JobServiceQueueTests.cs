using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceQueueTests
{
    [Fact]
    public async Task An_after_ok_job_starts_only_after_its_dependency_succeeded()
    {
        await using var f = new ServiceFixture();
        var first = f.Submit(ShApp("first", $"touch started; {f.WaitFor("first-go")}"));
        await f.WaitForReplicaFile(first, "started");

        var second = f.Submit(ShApp("second", "echo second"), s => s with { Dependencies = [new JobDependency(first, DependencyKind.AfterOk)] });
        var probe = f.Submit(ShApp("probe", "true"));
        await f.WaitForState(probe, JobState.Succeeded);

        Assert.Equal(JobState.Queued, f.Service.Get(second).State);
        f.Release("first-go");
        await f.WaitForState(first, JobState.Succeeded);
        var job = await f.WaitForState(second, JobState.Succeeded);

        Assert.Equal("second", ReadReplicaFile(job, "stdout.log"));
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(second));
        var firstEnded = f.Service.Describe(first).History.Single(t => t.To == JobState.Succeeded).Time;
        var secondStarted = f.Service.Describe(second).History.Single(t => t.To == JobState.Running).Time;
        Assert.True(secondStarted >= firstEnded, $"job {second} started at {secondStarted:O}, before job {first} succeeded at {firstEnded:O}");
        Assert.Equal([new JobDependency(first, DependencyKind.AfterOk)], job.Dependencies);
    }

    [Fact]
    public async Task After_a_failed_dependency_the_after_ok_job_fails_and_the_after_any_job_runs()
    {
        await using var f = new ServiceFixture();
        var failing = f.Submit(ShApp("failing", $"touch started; {f.WaitFor("failing-go")}; exit 2"));
        await f.WaitForReplicaFile(failing, "started");

        var afterOk = f.Submit(ShApp("needs-success", "touch ran"), s => s with { Dependencies = [new JobDependency(failing, DependencyKind.AfterOk)] });
        var afterAny = f.Submit(ShApp("cleanup", "echo cleaned up"), s => s with { Dependencies = [new JobDependency(failing, DependencyKind.AfterAny)] });
        f.Release("failing-go");
        await f.WaitForState(failing, JobState.Failed);
        var notRun = await f.WaitForState(afterOk, JobState.Failed);
        var ran = await f.WaitForState(afterAny, JobState.Succeeded);

        Assert.Contains(JobFailure.DependencyNeverSatisfied, notRun.Reason, StringComparison.Ordinal);
        Assert.Contains($"job {failing.ToString(CultureInfo.InvariantCulture)} ended FAILED", notRun.Reason, StringComparison.Ordinal);
        Assert.Equal([JobState.Queued, JobState.Failed], f.States(afterOk));
        Assert.Empty(notRun.Replicas);
        Assert.False(Directory.Exists(notRun.Directory), "the after-ok job ran");
        Assert.Equal("cleaned up", ReadReplicaFile(ran, "stdout.log"));
    }

    [Fact]
    public async Task An_after_ok_job_waits_for_the_retries_of_its_dependency()
    {
        await using var f = new ServiceFixture();
        var marker = f.ControlFile("tried");
        var flaky = f.Submit(
            ShApp("flaky", $"{f.WaitFor("flaky-go")}; if [ -e '{marker}' ]; then exit 0; fi; touch '{marker}'; exit 1"),
            s => s with { MaxRetries = 1 });

        var after = f.Submit(ShApp("after", "true"), s => s with { Dependencies = [new JobDependency(flaky, DependencyKind.AfterOk)] });
        f.Release("flaky-go");
        await f.WaitForState(flaky, JobState.Succeeded);
        await f.WaitForState(after, JobState.Succeeded);

        Assert.Equal(1, f.Service.Get(flaky).RetryCount);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(after));
    }

    [Fact]
    public async Task An_array_runs_every_task_with_its_index_and_never_more_than_its_cap_at_once()
    {
        await using var f = new ServiceFixture();
        var running = Path.Combine(f.Control, "running");
        Directory.CreateDirectory(running);
        var counts = f.ControlFile("counts");
        var script =
            $"touch '{running}/'$LOOM_ARRAY_TASK_ID; ls '{running}' | wc -l >> '{counts}'; " +
            "echo \"$LOOM_ARRAY_TASK_ID $LOOM_ARRAY_JOB_ID $LOOM_JOB_ID\" > task.txt; " +
            $"{f.WaitFor("array-go")}; rm '{running}/'$LOOM_ARRAY_TASK_ID";

        var result = f.Service.Submit(new JobSubmission { Apps = [ShApp("sweep", script)], Array = "0-3%2" });

        Assert.Equal(4, result.Jobs.Count);
        var parent = result.Jobs[0].Id;
        Assert.Equal(result.Jobs[0].Handle, result.Handle);
        Assert.Equal([0, 1, 2, 3], result.Jobs.Select(j => j.ArrayIndex ?? -1));
        Assert.All(result.Jobs, j => Assert.Equal(parent, j.ArrayParentId));
        IReadOnlyList<JobView> Tasks() => f.Service.List(arrayParentId: parent);
        int Holding() => Tasks().Count(j => JobStateMachine.HoldsResources(j.State));

        await Until(() => Holding() == 2, "had two tasks running");
        var probe = f.Submit(ShApp("probe", "true"));
        await f.WaitForState(probe, JobState.Succeeded);
        Assert.Equal(2, Holding());
        Assert.Equal(2, Tasks().Count(j => j.State == JobState.Queued));

        f.Release("array-go");
        await Until(
            () =>
            {
                var tasks = Tasks();
                Assert.True(tasks.Count(j => JobStateMachine.HoldsResources(j.State)) <= 2, "more than two tasks ran at once");
                return tasks.All(j => j.State == JobState.Succeeded);
            },
            "finished every task");

        var concurrency = (await File.ReadAllLinesAsync(counts)).Select(l => int.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, concurrency.Length);
        Assert.All(concurrency, c => Assert.InRange(c, 1, 2));
        foreach (var task in Tasks())
        {
            var culture = CultureInfo.InvariantCulture;
            Assert.Equal(
                $"{task.ArrayIndex?.ToString(culture)} {parent.ToString(culture)} {task.Id.ToString(culture)}",
                ReadReplicaFile(f.Service.Get(task.Id), "task.txt"));
        }
    }

    [Fact]
    public async Task Cancelling_the_first_task_of_an_array_cancels_every_unfinished_task()
    {
        await using var f = new ServiceFixture();
        var result = f.Service.Submit(new JobSubmission { Apps = [ShApp("sweep", $"touch started; {f.WaitFor("never")}")], Array = "0-2%1" });
        var parent = result.Jobs[0].Id;
        await f.WaitForReplicaFile(parent, "started");

        f.Service.Cancel(parent);

        foreach (var task in result.Jobs)
        {
            await f.WaitForState(task.Id, JobState.Cancelled);
        }

        Assert.Equal([JobState.Queued, JobState.Running, JobState.Cancelled], f.States(parent));
        Assert.Equal([JobState.Queued, JobState.Cancelled], f.States(result.Jobs[2].Id));
        Assert.Throws<JobConflictException>(() => f.Service.Cancel(parent));
    }

    [Fact]
    public async Task A_batch_of_several_apps_runs_each_app_within_its_concurrency_cap()
    {
        await using var f = new ServiceFixture();
        string[] names = ["prep", "train", "eval"];

        var result = f.Service.Submit(new JobSubmission
        {
            Apps = [.. names.Select(n => ShApp(n, $"echo \"{n} $LOOM_ARRAY_TASK_ID\""))],
            MaxConcurrent = 1,
        });

        Assert.Equal(3, result.Jobs.Count);
        Assert.Equal(names, result.Jobs.Select(j => f.Service.Describe(j.Id).App?.Name));
        var ended = new List<JobView>();
        foreach (var job in result.Jobs)
        {
            ended.Add(await f.WaitForState(job.Id, JobState.Succeeded));
        }

        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal($"{names[i]} {i.ToString(CultureInfo.InvariantCulture)}", ReadReplicaFile(ended[i], "stdout.log"));
        }

        var attempts = ended.OrderBy(j => j.StartedAt).ToArray();
        for (var i = 1; i < attempts.Length; i++)
        {
            Assert.True(
                attempts[i].StartedAt >= attempts[i - 1].EndedAt,
                $"job {attempts[i].Id} started at {attempts[i].StartedAt:O} while job {attempts[i - 1].Id} ran until {attempts[i - 1].EndedAt:O}");
        }
    }
}
