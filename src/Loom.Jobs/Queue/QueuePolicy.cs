namespace Loom.Jobs.Queue;

/// <summary>
/// Decides which queued jobs start now. Rules, in order: dependencies met; array concurrency caps; per-user GPU
/// quotas; higher priority first; among equal priorities the user whose latest start is oldest first (fair share);
/// backfill — a job that fits may start ahead of a blocked one, unless the blocked one is starving (waited past
/// <see cref="QueuePolicyOptions.StarvationAge"/> or passed over <see cref="QueuePolicyOptions.StarvationPassOvers"/>
/// times), whose needs are then reserved. When the first blocked job could start by halting preemptible
/// lower-priority jobs, those are proposed as victims.
/// </summary>
/// <param name="options">The policy's settings.</param>
public sealed class QueuePolicy(QueuePolicyOptions options)
{
    private readonly QueuePolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Decides what to start, fail, reserve and preempt now.</summary>
    /// <param name="snapshot">The queue and the resources.</param>
    /// <returns>The decision.</returns>
    public QueueDecision Decide(QueueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var failures = new List<JobFailure>();
        var remaining = new List<JobRecord>();
        foreach (var job in snapshot.Queued)
        {
            switch (DependencyCheck.Judge(job, snapshot.Dependencies, out var reason))
            {
                case DependencyCheck.Verdict.Never:
                    failures.Add(new JobFailure(job, reason));
                    break;
                case DependencyCheck.Verdict.Satisfied:
                    remaining.Add(job);
                    break;
                default:
                    break;
            }
        }

        var pool = new ResourcePool(snapshot);
        var lastStart = new Dictionary<string, DateTimeOffset>(snapshot.LastStartByUser, StringComparer.Ordinal);
        var starts = new List<JobStart>();
        var passedOver = new HashSet<long>();
        List<JobRecord> blocked;
        List<long> reserved;
        while (true)
        {
            var ordered = Order(remaining, lastStart);
            (var chosen, blocked, reserved) = FirstStartable(ordered, pool, snapshot.Now);
            if (chosen is null)
            {
                break;
            }

            passedOver.UnionWith(blocked.Select(j => j.Id));
            var gpus = pool.Take(chosen);
            starts.Add(new JobStart(chosen, gpus));
            lastStart[chosen.User] = snapshot.Now;
            remaining.Remove(chosen);
        }

        return new QueueDecision
        {
            Starts = starts,
            Failures = failures,
            PassedOver = [.. passedOver.Order()],
            Reserved = reserved,
            Preemption = blocked.Count > 0 ? ProposePreemption(blocked[0], snapshot, pool) : null,
        };
    }

    private static List<JobRecord> Order(List<JobRecord> jobs, Dictionary<string, DateTimeOffset> lastStart) =>
    [
        .. jobs
            .OrderByDescending(j => j.Priority)
            .ThenBy(j => lastStart.TryGetValue(j.User, out var t) ? t : DateTimeOffset.MinValue)
            .ThenBy(j => j.SubmittedAt)
            .ThenBy(j => j.Id),
    ];

    private (JobRecord? Chosen, List<JobRecord> Blocked, List<long> Reserved) FirstStartable(
        List<JobRecord> ordered, ResourcePool pool, DateTimeOffset now)
    {
        var blocked = new List<JobRecord>();
        var reserved = new List<long>();
        var reservation = new Resources(0, 0, 0);
        foreach (var job in ordered)
        {
            if (!pool.WithinLimits(job, _options))
            {
                continue;
            }

            if (pool.Fits(job, reservation))
            {
                return (job, blocked, reserved);
            }

            blocked.Add(job);
            if (IsStarving(job, now))
            {
                reservation = pool.Reserve(job, reservation);
                reserved.Add(job.Id);
            }
        }

        return (null, blocked, reserved);
    }

    private bool IsStarving(JobRecord job, DateTimeOffset now) =>
        now - job.SubmittedAt >= _options.StarvationAge || job.PassedOver >= _options.StarvationPassOvers;

    private static PreemptionProposal? ProposePreemption(JobRecord job, QueueSnapshot snapshot, ResourcePool pool)
    {
        if (job.Gpus == 0)
        {
            return null;
        }

        var candidates = snapshot.Running
            .Where(r => r.Preemptible && r.Priority < job.Priority && r.GpuIds.Count > 0
                && JobStateMachine.CanTransition(r.State, JobState.Halted))
            .OrderBy(r => r.Priority)
            .ThenByDescending(r => r.StartedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Id);
        var victims = new List<JobRecord>();
        var freed = new Resources(0, 0, 0);
        foreach (var victim in candidates)
        {
            victims.Add(victim);
            freed = freed with
            {
                Gpus = freed.Gpus + victim.GpuIds.Count,
                Cpus = freed.Cpus + victim.Cpus,
                MemoryMb = freed.MemoryMb + victim.MemoryMb,
            };
            if (pool.FitsWith(job, freed))
            {
                return new PreemptionProposal(job, victims);
            }
        }

        return null;
    }
}
