using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;

namespace Loom.Cli.Jobs;

/// <summary>Waits for jobs to end by polling the head.</summary>
internal static class JobWatch
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether the job will not run again by itself: ended with no retry left, or halted.</summary>
    public static bool IsFinal(JobView job) =>
        job.State is JobState.Succeeded or JobState.Cancelled or JobState.Halted
        || (JobStateMachine.IsEnded(job.State) && job.RetryCount >= job.MaxRetries);

    public static async Task<JobView> UntilFinalAsync(HeadClient client, long id, Func<JobView, Task>? onPoll = null)
    {
        while (true)
        {
            var job = await client.GetAsync(id).ConfigureAwait(false);
            if (onPoll is not null)
            {
                await onPoll(job).ConfigureAwait(false);
            }

            if (IsFinal(job))
            {
                return job;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}
