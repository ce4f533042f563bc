using Loom.Jobs.Queue;
using static Loom.Jobs.Tests.Queue.TestJobs;

namespace Loom.Jobs.Tests.Queue;

public sealed class QueuePolicyTests
{
    private static readonly QueuePolicy Policy = new(new QueuePolicyOptions());

    private static QueueSnapshot Snapshot(
        IReadOnlyList<JobRecord> queued, int[] freeGpus, int freeCpus = 64, IReadOnlyList<JobRecord>? running = null) => new()
        {
            Queued = queued,
            Running = running ?? [],
            FreeGpuIds = freeGpus,
            FreeCpus = freeCpus,
            Now = T0.AddMinutes(30),
        };

    [Fact]
    public void Higher_priority_starts_first()
    {
        var low = Job(1, priority: 0, gpus: 1);
        var high = Job(2, priority: 5, gpus: 2, submittedMinutesAfterT0: 10);
        var decision = Policy.Decide(Snapshot([low, high], Gpus(2)));
        Assert.Equal([2], StartedIds(decision));
        Assert.Empty(decision.PassedOver);
    }

    [Fact]
    public void Among_equal_priorities_the_user_whose_last_start_is_oldest_goes_first()
    {
        var alice = Job(1, "alice", gpus: 1);
        var bob = Job(2, "bob", gpus: 1, submittedMinutesAfterT0: 1);
        var carol = Job(3, "carol", gpus: 1, submittedMinutesAfterT0: 2);
        var snapshot = Snapshot([alice, bob, carol], Gpus(2)) with
        {
            LastStartByUser = new Dictionary<string, DateTimeOffset> { ["alice"] = T0.AddMinutes(10), ["bob"] = T0.AddMinutes(5) },
        };
        Assert.Equal([3, 2], StartedIds(Policy.Decide(snapshot)));
    }

    [Fact]
    public void Fair_share_alternates_users_within_one_decision()
    {
        var a1 = Job(1, "alice", gpus: 1);
        var a2 = Job(2, "alice", gpus: 1, submittedMinutesAfterT0: 1);
        var b1 = Job(3, "bob", gpus: 1, submittedMinutesAfterT0: 2);
        Assert.Equal([1, 3], StartedIds(Policy.Decide(Snapshot([a1, a2, b1], Gpus(2)))));
    }

    [Fact]
    public void Priority_outranks_fair_share()
    {
        var alice = Job(1, "alice", priority: 1, gpus: 1);
        var bob = Job(2, "bob", priority: 0, gpus: 1);
        var snapshot = Snapshot([bob, alice], Gpus(1)) with
        {
            LastStartByUser = new Dictionary<string, DateTimeOffset> { ["alice"] = T0.AddMinutes(20) },
        };
        Assert.Equal([1], StartedIds(Policy.Decide(snapshot)));
    }

    [Fact]
    public void A_user_over_the_gpu_quota_waits_while_others_start()
    {
        var policy = new QueuePolicy(new QueuePolicyOptions
        {
            GpuQuotas = new Dictionary<string, int> { ["alice"] = 2 },
            DefaultGpuQuota = 1,
        });
        var aliceRunning = Running(Job(10, "alice", gpus: 1), [0]);
        var alice = Job(1, "alice", priority: 9, gpus: 2);
        var aliceSmall = Job(2, "alice", gpus: 1, submittedMinutesAfterT0: 1);
        var bobBig = Job(3, "bob", gpus: 2);
        var bob = Job(4, "bob", gpus: 1, submittedMinutesAfterT0: 2);
        var cpuOnly = Job(5, "bob", gpus: 0, submittedMinutesAfterT0: 3);
        var decision = policy.Decide(Snapshot([alice, aliceSmall, bobBig, bob, cpuOnly], [1, 2, 3, 4, 5], running: [aliceRunning]));
        Assert.Equal([2, 4, 5], StartedIds(decision).Order());
        Assert.Empty(decision.PassedOver);
    }

    [Fact]
    public void Backfill_lets_a_smaller_job_start_ahead_of_a_blocked_larger_one()
    {
        var big = Job(1, priority: 5, gpus: 4);
        var small = Job(2, priority: 0, gpus: 2, submittedMinutesAfterT0: 5);
        var decision = Policy.Decide(Snapshot([big, small], [2, 3], running: [Running(Job(9, gpus: 2), [0, 1])]));
        Assert.Equal([2], StartedIds(decision));
        Assert.Equal([1], decision.PassedOver);
        Assert.Empty(decision.Reserved);
    }

    [Fact]
    public void A_job_passed_over_too_often_reserves_its_resources()
    {
        var big = Job(1, priority: 5, gpus: 4) with { PassedOver = 10 };
        var small = Job(2, priority: 0, gpus: 2, submittedMinutesAfterT0: 5);
        var decision = Policy.Decide(Snapshot([big, small], [2, 3], running: [Running(Job(9, gpus: 2), [0, 1])]));
        Assert.Empty(decision.Starts);
        Assert.Equal([1], decision.Reserved);
        Assert.Empty(decision.PassedOver);
    }

    [Fact]
    public void A_job_that_waited_past_the_threshold_reserves_its_resources_but_not_what_it_does_not_need()
    {
        var policy = new QueuePolicy(new QueuePolicyOptions { StarvationAge = TimeSpan.FromMinutes(20) });
        var big = Job(1, priority: 5, gpus: 4, cpus: 2);
        var small = Job(2, gpus: 1, submittedMinutesAfterT0: 15);
        var cpuOnly = Job(3, gpus: 0, cpus: 2, submittedMinutesAfterT0: 15);
        var decision = policy.Decide(Snapshot([big, small, cpuOnly], [2, 3], freeCpus: 4, running: [Running(Job(9, gpus: 2), [0, 1])]));
        Assert.Equal([3], StartedIds(decision));
        Assert.Equal([1], decision.Reserved);
    }

    [Fact]
    public void A_large_job_is_not_starved_by_a_stream_of_small_ones()
    {
        Assert.Null(RoundsUntilBigStarts(int.MaxValue, rounds: 30));
        var rounds = RoundsUntilBigStarts(3, rounds: 30);
        Assert.NotNull(rounds);
        Assert.True(rounds <= 6, $"started after {rounds} rounds");
    }

    private static int? RoundsUntilBigStarts(int passOvers, int rounds)
    {
        var policy = new QueuePolicy(new QueuePolicyOptions { StarvationAge = TimeSpan.FromDays(1), StarvationPassOvers = passOvers });
        var queued = new List<JobRecord> { Job(1, "big", priority: 5, gpus: 4) };
        var running = new List<JobRecord> { Running(Job(99, "small", gpus: 2), [0, 1], startedMinutesAfterT0: -1) };
        for (var round = 0; round < rounds; round++)
        {
            var now = T0.AddMinutes(round);
            running.RemoveAll(j => j.StartedAt <= now.AddMinutes(-2)); // small jobs run two rounds
            queued.Add(Job(100 + round, "small", gpus: 2, submittedMinutesAfterT0: round));
            var free = Gpus(4).Except(running.SelectMany(j => j.GpuIds)).ToArray();
            var decision = policy.Decide(new QueueSnapshot { Queued = queued, Running = running, FreeGpuIds = free, FreeCpus = 64, Now = now });
            queued = [.. queued.Select(j => decision.PassedOver.Contains(j.Id) ? j with { PassedOver = j.PassedOver + 1 } : j)];
            foreach (var start in decision.Starts)
            {
                if (start.Job.Id == 1)
                {
                    return round;
                }

                queued.RemoveAll(j => j.Id == start.Job.Id);
                running.Add(start.Job with { State = JobState.Running, GpuIds = start.GpuIds, StartedAt = now });
            }
        }

        return null;
    }

    [Fact]
    public void Dependencies_after_ok_and_after_any()
    {
        var deps = new Dictionary<long, JobRecord>
        {
            [10] = Job(10) with { State = JobState.Succeeded },
            [11] = Job(11) with { State = JobState.Failed },
            [12] = Job(12) with { State = JobState.Running },
            [13] = Job(13) with { State = JobState.Cancelled },
            [14] = Job(14) with { State = JobState.Failed, MaxRetries = 2, RetryCount = 1 },
        };
        JobRecord Waiting(long id, params JobDependency[] on) => Job(id) with { Dependencies = on };
        var queued = new[]
        {
            Waiting(1, new JobDependency(10, DependencyKind.AfterOk)),
            Waiting(2, new JobDependency(11, DependencyKind.AfterOk)),
            Waiting(3, new JobDependency(12, DependencyKind.AfterOk)),
            Waiting(4, new JobDependency(11, DependencyKind.AfterAny), new JobDependency(13, DependencyKind.AfterAny)),
            Waiting(5, new JobDependency(12, DependencyKind.AfterAny)),
            Waiting(6, new JobDependency(14, DependencyKind.AfterOk)),
            Waiting(7, new JobDependency(10, DependencyKind.AfterOk), new JobDependency(99, DependencyKind.AfterAny)),
            Waiting(8, new JobDependency(13, DependencyKind.AfterOk)),
        };
        var decision = Policy.Decide(Snapshot(queued, []) with { Dependencies = deps });
        Assert.Equal([1, 4], StartedIds(decision));
        Assert.Equal([2, 7, 8], decision.Failures.Select(f => f.Job.Id));
        Assert.All(decision.Failures, f => Assert.StartsWith(JobFailure.DependencyNeverSatisfied, f.Reason, StringComparison.Ordinal));
        Assert.Contains("job 11 ended FAILED", decision.Failures[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_runs_at_most_its_cap_of_tasks_at_once()
    {
        JobRecord Task(long id, int index) => Job(id) with { ArrayParentId = 1, ArrayIndex = index, ArrayMaxConcurrent = 2 };
        var tasks = Enumerable.Range(0, 6).Select(i => Task(1 + i, i)).ToArray();
        Assert.Equal([1, 2], StartedIds(Policy.Decide(Snapshot(tasks, []))));

        var oneRunning = Running(tasks[0], []);
        Assert.Equal([2], StartedIds(Policy.Decide(Snapshot(tasks[1..], [], running: [oneRunning]))));
    }

    [Fact]
    public void Started_jobs_get_distinct_contiguous_gpus()
    {
        var jobs = new[] { Job(1, gpus: 3), Job(2, gpus: 2, submittedMinutesAfterT0: 1), Job(3, gpus: 3, submittedMinutesAfterT0: 2) };
        var decision = Policy.Decide(Snapshot(jobs, Gpus(8)));
        Assert.Equal(3, decision.Starts.Count);
        var all = decision.Starts.SelectMany(s => s.GpuIds).ToArray();
        Assert.Equal(8, all.Distinct().Count());
        Assert.All(decision.Starts, s =>
        {
            Assert.Equal(s.Job.Gpus, s.GpuIds.Count);
            Assert.Equal(s.GpuIds.Count - 1, s.GpuIds[^1] - s.GpuIds[0]);
        });
    }

    [Fact]
    public void Preemption_proposes_the_lowest_priority_most_recently_started_victims()
    {
        var older = Running(Job(10, gpus: 2, priority: 1) with { Preemptible = true }, [0, 1], startedMinutesAfterT0: 1);
        var newer = Running(Job(11, gpus: 2, priority: 1) with { Preemptible = true }, [2, 3], startedMinutesAfterT0: 5);
        var high = Job(1, priority: 5, gpus: 2);
        var decision = Policy.Decide(Snapshot([high], [], running: [older, newer]));
        Assert.Empty(decision.Starts);
        Assert.Equal(1, decision.Preemption!.Job.Id);
        Assert.Equal([11], decision.Preemption.Victims.Select(v => v.Id));
    }

    [Fact]
    public void Preemption_takes_lower_priorities_first_and_skips_protected_jobs()
    {
        var lowest = Running(Job(10, gpus: 1, priority: 0) with { Preemptible = true }, [0]);
        var protectedJob = Running(Job(11, gpus: 1, priority: 0), [1]);
        var middle = Running(Job(12, gpus: 2, priority: 2) with { Preemptible = true }, [2, 3], startedMinutesAfterT0: 9);
        var high = Job(1, priority: 5, gpus: 3);
        var decision = Policy.Decide(Snapshot([high], [], running: [middle, protectedJob, lowest]));
        Assert.Equal([10, 12], decision.Preemption!.Victims.Select(v => v.Id));
    }

    [Fact]
    public void No_preemption_when_it_cannot_free_enough_or_victims_are_not_lower_priority()
    {
        var equal = Running(Job(10, gpus: 2, priority: 5) with { Preemptible = true }, [0, 1]);
        var lower = Running(Job(11, gpus: 1, priority: 0) with { Preemptible = true }, [2]);
        Assert.Null(Policy.Decide(Snapshot([Job(1, priority: 5, gpus: 2)], [], running: [equal, lower])).Preemption);
        Assert.Null(Policy.Decide(Snapshot([Job(1, priority: 5, gpus: 4)], [], running: [lower])).Preemption);
    }
}
