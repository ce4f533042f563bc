using Loom.Jobs.Queue;

namespace Loom.Jobs.Tests.Queue;

/// <summary>Builds job records for policy tests.</summary>
internal static class TestJobs
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static JobRecord Job(
        long id, string user = "alice", int priority = 0, int gpus = 0, int cpus = 1, int submittedMinutesAfterT0 = 0) => new()
        {
            Id = id,
            Name = "job" + id,
            User = user,
            Priority = priority,
            Gpus = gpus,
            Cpus = cpus,
            State = JobState.Queued,
            SubmittedAt = T0.AddMinutes(submittedMinutesAfterT0),
        };

    public static JobRecord Running(JobRecord job, IReadOnlyList<int> gpuIds, int startedMinutesAfterT0 = 0) => job with
    {
        State = JobState.Running,
        GpuIds = gpuIds,
        StartedAt = T0.AddMinutes(startedMinutesAfterT0),
    };

    public static int[] Gpus(int count) => [.. Enumerable.Range(0, count)];

    public static long[] StartedIds(QueueDecision decision) => [.. decision.Starts.Select(s => s.Job.Id)];
}
