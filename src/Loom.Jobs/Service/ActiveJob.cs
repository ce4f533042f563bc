using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Service;

/// <summary>
/// A job that holds resources: staging its inputs, running as an <see cref="AppRun"/> started by this head, or
/// running as a <see cref="ReattachedRun"/> started by an earlier one. A stop asked for before the run exists is
/// kept and applied as soon as it does.
/// </summary>
internal sealed class ActiveJob(JobRecord job, AppDef app) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _staging = new();
    private readonly TaskCompletionSource<(JobState State, string Reason)> _stopRequested =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppRun? _run;

    public JobRecord Job { get; set; } = job;

    public AppDef App { get; } = app;

    public long Id => Job.Id;

    /// <summary>Cancelled when a stop is asked for while inputs are staged.</summary>
    public CancellationToken Staging => _staging.Token;

    /// <summary>The stop asked for (Cancelled or Halted) and why, once asked for.</summary>
    public Task<(JobState State, string Reason)> StopRequested => _stopRequested.Task;

    /// <summary>The job that preempts this one, when its halt is a preemption.</summary>
    public long? PreemptedBy { get; private set; }

    /// <summary>Whether the halt is the head stopping (the job is queued again at once).</summary>
    public bool HeadStopping { get; private set; }

    /// <summary>Completes when the job has released its resources and its state is recorded.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Asks the job to stop: cancelled, or halted (for a user, a preemption or the head stopping).</summary>
    /// <returns>False when a stop was already asked for.</returns>
    public bool RequestStop(JobState state, string reason, long? preemptedBy = null, bool headStopping = false)
    {
        AppRun? run;
        lock (_gate)
        {
            if (_stopRequested.Task.IsCompleted)
            {
                return false;
            }

            PreemptedBy = preemptedBy;
            HeadStopping = headStopping;
            _stopRequested.SetResult((state, reason));
            run = _run;
        }

        try
        {
            _staging.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job already ended.
        }

        if (run is not null)
        {
            Apply(run, state, reason);
        }

        return true;
    }

    /// <summary>Records the started run and applies a stop asked for before it existed.</summary>
    public void Attach(AppRun run)
    {
        lock (_gate)
        {
            _run = run;
            if (!_stopRequested.Task.IsCompleted)
            {
                return;
            }
        }

        var (state, reason) = _stopRequested.Task.Result;
        Apply(run, state, reason);
    }

    public void Dispose() => _staging.Dispose();

    private static void Apply(AppRun run, JobState state, string reason)
    {
        if (state == JobState.Cancelled)
        {
            run.Cancel(reason);
        }
        else
        {
            run.Halt(reason);
        }
    }
}
