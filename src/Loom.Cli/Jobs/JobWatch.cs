using Loom.Jobs.Api;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Queue;

namespace Loom.Cli.Jobs;

/// <summary>Waits for jobs to end by polling their scheduler.</summary>
internal static class JobWatch
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a cluster scheduler is asked: each poll runs Slurm's commands against its controller.</summary>
    public static readonly TimeSpan SlowPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Whether the job will not run again by itself: ended with no retry left, or halted.</summary>
    public static bool IsFinal(JobView job) =>
        job.State is JobState.Succeeded or JobState.Cancelled or JobState.Halted
        || (JobStateMachine.IsEnded(job.State) && job.RetryCount >= job.MaxRetries);

    /// <summary>
    /// Whether the job will not run again by itself, as its scheduler works: the local head queues a
    /// retry after the attempt has ended, so an ended attempt with retries left is not final there; on
    /// a cluster scheduler such as Slurm the job requeues itself before it ends (it shows as queued),
    /// so any ended state is final.
    /// </summary>
    public static bool IsFinal(JobView job, string scheduler) =>
        scheduler == SchedulerNames.Local ? IsFinal(job) : IsFinal(job) || JobStateMachine.IsEnded(job.State);

    public static async Task<JobView> UntilFinalAsync(IJobScheduler scheduler, string handle, Func<JobView, Task>? onPoll = null)
    {
        var interval = scheduler.Name == SchedulerNames.Local ? PollInterval : SlowPollInterval;
        while (true)
        {
            var job = await scheduler.GetAsync(handle).ConfigureAwait(false);
            if (onPoll is not null)
            {
                await onPoll(job).ConfigureAwait(false);
            }

            if (IsFinal(job, scheduler.Name))
            {
                return job;
            }

            await Task.Delay(interval).ConfigureAwait(false);
        }
    }
}
