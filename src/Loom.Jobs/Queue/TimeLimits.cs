namespace Loom.Jobs.Queue;

/// <summary>Finds running jobs past their time limit (they end as <see cref="JobState.Timeout"/>).</summary>
public static class TimeLimits
{
    /// <summary>The jobs whose latest start is at least their time limit ago.</summary>
    /// <param name="running">The jobs that hold resources.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The expired jobs, in the given order.</returns>
    public static IReadOnlyList<JobRecord> Expired(IEnumerable<JobRecord> running, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(running);
        return [.. running.Where(j => j.TimeLimit is { } limit && j.StartedAt is { } started && now - started >= limit)];
    }

    /// <summary>When the job's time limit runs out, or null when it has none or has not started.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The deadline.</returns>
    public static DateTimeOffset? Deadline(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.TimeLimit is { } limit && job.StartedAt is { } started ? started + limit : null;
    }
}
