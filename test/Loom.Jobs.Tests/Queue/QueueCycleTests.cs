using Loom.Jobs.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Jobs.Tests.Queue;

/// <summary>The store and the policy together, as the head drives them.</summary>
public sealed class QueueCycleTests : IDisposable
{
    private static readonly int[] AllGpus = [0, 1, 2, 3];
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(TestJobs.T0);
    private readonly QueuePolicy _policy = new(new QueuePolicyOptions());

    public void Dispose() => _db.Dispose();

    private QueueDecision Step(JobStore store)
    {
        var held = store.ByState(JobState.Downloading, JobState.Running, JobState.Storing).SelectMany(j => j.GpuIds);
        var snapshot = QueueSnapshotLoader.Load(store, [.. AllGpus.Except(held)], 16, long.MaxValue, _time.GetUtcNow());
        var decision = _policy.Decide(snapshot);
        foreach (var failure in decision.Failures)
        {
            store.Transition(failure.Job.Id, JobState.Failed, failure.Reason);
        }

        foreach (var start in decision.Starts)
        {
            store.Transition(start.Job.Id, JobState.Running, "Scheduled", start.GpuIds);
        }

        store.RecordPassedOver(decision.PassedOver);
        _time.Advance(TimeSpan.FromMinutes(1));
        return decision;
    }

    [Fact]
    public void An_array_with_a_cap_and_a_dependent_job_run_in_turn()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var tasks = store.Submit(new JobRequest { Name = "sweep", User = "alice", Gpus = 1, Array = ArraySpec.Parse("0-3%2") });
        var report = store.Submit(new JobRequest
        {
            Name = "report",
            User = "alice",
            Dependencies = [.. tasks.Select(t => new JobDependency(t.Id, DependencyKind.AfterOk))],
        })[0];

        for (var round = 0; round < 2; round++)
        {
            var started = Step(store).Starts.Select(s => s.Job.Id).ToArray();
            Assert.Equal([tasks[2 * round].Id, tasks[(2 * round) + 1].Id], started);
            foreach (var id in started)
            {
                store.Transition(id, JobState.Succeeded, "Exit code 0");
            }
        }

        Assert.Equal([report.Id], Step(store).Starts.Select(s => s.Job.Id));
    }

    [Fact]
    public void A_failed_after_ok_dependency_fails_the_dependent_job()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var first = store.Submit(new JobRequest { Name = "prep", User = "bob" })[0];
        var second = store.Submit(new JobRequest
        {
            Name = "train", User = "bob", Dependencies = [new JobDependency(first.Id, DependencyKind.AfterOk)],
        })[0];
        Assert.Equal([first.Id], Step(store).Starts.Select(s => s.Job.Id));
        store.Transition(first.Id, JobState.Failed, "Exit code 2");
        Step(store);
        var failed = store.Get(second.Id)!;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.StartsWith(JobFailure.DependencyNeverSatisfied, failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preempted_job_resumes_by_itself_when_the_gpus_free_up()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var low = store.Submit(new JobRequest { Name = "low", User = "alice", Gpus = 4, Preemptible = true })[0];
        Assert.Equal([low.Id], Step(store).Starts.Select(s => s.Job.Id));

        var high = store.Submit(new JobRequest { Name = "high", User = "bob", Gpus = 2, Priority = 10 })[0];
        var decision = Step(store);
        Assert.Empty(decision.Starts);
        Assert.Equal([low.Id], decision.Preemption!.Victims.Select(v => v.Id));
        store.Preempted(low.Id, high.Id);

        Assert.Equal([high.Id], Step(store).Starts.Select(s => s.Job.Id));
        Assert.Equal(JobState.Queued, store.Get(low.Id)!.State);
        store.Transition(high.Id, JobState.Succeeded, "Exit code 0");
        Assert.Equal([low.Id], Step(store).Starts.Select(s => s.Job.Id));
        Assert.Contains(store.History(low.Id), t => t.To == JobState.Halted && t.Reason == $"Preempted by job {high.Id}");
    }
}
