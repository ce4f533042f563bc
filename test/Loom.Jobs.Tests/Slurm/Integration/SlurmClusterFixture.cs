using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm;

namespace Loom.Jobs.Tests.Slurm.Integration;

/// <summary>A scheduler over a temporary <c>$LOOM_HOME</c> that cancels the jobs it submitted when disposed.</summary>
internal sealed class SlurmClusterFixture : IDisposable
{
    /// <summary>How long a job may take to reach a state: the cluster is shared, so jobs may queue a while.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly List<string> _handles = [];

    public SlurmClusterFixture()
    {
        Scheduler = Apps.Scheduler();
    }

    public SlurmTestApps Apps { get; } = new();

    public SlurmScheduler Scheduler { get; }

    public async Task<SubmitResult> SubmitAsync(JobSubmission submission)
    {
        var result = await Scheduler.SubmitAsync(submission);
        _handles.Add(result.Handle);
        return result;
    }

    /// <summary>Polls until the job is in a state that <paramref name="done"/> accepts.</summary>
    public async Task<JobView> WaitAsync(string handle, Func<JobView, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        JobView job = await Scheduler.GetAsync(handle);
        while (!done(job))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{handle} is still {job.State} ({job.Reason}) after {Patience.TotalMinutes} minutes.");
            }

            job = await Scheduler.GetAsync(handle);
        }

        return job;
    }

    /// <summary>Polls until the job ended.</summary>
    public Task<JobView> WaitEndedAsync(string handle) => WaitAsync(handle, j =>
        j.State is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.Timeout or JobState.OutOfMemory);

    /// <summary>The whole stdout or stderr of a replica.</summary>
    public async Task<string> LogAsync(string handle, string role, int replica, string stream = "stdout")
    {
        var chunk = await Scheduler.ReadLogAsync(handle, role, replica, stream, 0);
        return chunk.Text;
    }

    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            try
            {
                Scheduler.CancelAsync(handle).GetAwaiter().GetResult();
            }
            catch (SchedulerException)
            {
                // Already gone.
            }
        }

        Scheduler.Dispose();
        Apps.Dispose();
    }
}
