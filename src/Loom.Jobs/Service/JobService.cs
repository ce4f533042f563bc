using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;
using Microsoft.Extensions.Logging;

namespace Loom.Jobs.Service;

/// <summary>
/// The local job service: the durable queue (<see cref="JobStore"/>), the <see cref="QueuePolicy"/> that decides
/// what starts, and the runs of the started jobs as local processes with the deep-learning lifecycle
/// (QUEUED → DOWNLOADING → RUNNING → STORING → SUCCEEDED, or FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, HALTED).
/// A scheduling pass runs after every submission and every ended job, and on a short period for time limits and
/// re-attached runs. On start it re-attaches the runs an earlier head left behind.
/// </summary>
public sealed partial class JobService : IAsyncDisposable
{
    private static readonly HttpClient SharedHttp = new();

    private readonly JobServiceOptions _options;
    private readonly JobStore _store;
    private readonly QueuePolicy _policy;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ActiveJob> _active = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private bool _stopping;

    private JobService(JobServiceOptions options, JobStore store)
    {
        _options = options;
        _store = store;
        _policy = new QueuePolicy(options.Policy);
        StartedAt = options.TimeProvider.GetUtcNow();
    }

    /// <summary>When the service started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The settings.</summary>
    public JobServiceOptions Options => _options;

    /// <summary>Opens the job database under <see cref="JobServiceOptions.Home"/>, re-attaches left-over runs and starts scheduling.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The running service.</returns>
    public static JobService Start(JobServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.Home);
        var store = JobStore.Open(Path.Combine(options.Home, "jobs.db"), options.TimeProvider);
        var service = new JobService(options, store);
        service.Recover();
        service._loop = service.LoopAsync();
        return service;
    }

    /// <summary>The folder of a job.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The path.</returns>
    public string JobDirectory(long id) =>
        Path.Combine(_options.Home, "jobs", id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Validates and queues a submission, all of it or nothing.</summary>
    /// <param name="submission">What to run.</param>
    /// <returns>The queued jobs and the handle.</returns>
    /// <exception cref="JobRejectedException">Something in the submission is wrong; nothing was queued.</exception>
    public SubmitResult Submit(JobSubmission submission)
    {
        var request = SubmissionCheck.ToRequest(submission, this);
        IReadOnlyList<JobRecord> jobs;
        lock (_gate)
        {
            if (_stopping)
            {
                throw new JobRejectedException("The head is stopping; start it again with 'loom start --head' and resubmit.");
            }

            jobs = _store.Submit(request);
        }

        Wake();
        var first = jobs[0];
        return new SubmitResult(
            JobHandle.Format(_options.Session, first.Name, first.Id),
            [.. jobs.Select(View)]);
    }

    /// <summary>One job.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The job.</returns>
    /// <exception cref="KeyNotFoundException">No such job.</exception>
    public JobView Get(long id) => View(Record(id));

    /// <summary>One job with its app and history.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The description.</returns>
    public JobDescription Describe(long id)
    {
        var job = Record(id);
        var history = _store.History(id).Select(t => new TransitionView(t.Time, t.From, t.To, t.Reason)).ToArray();
        return new JobDescription(View(job), ReadApp(id), history);
    }

    /// <summary>The jobs, newest first, optionally of one state, one user or one array (without their replicas; <see cref="Get"/> has them).</summary>
    /// <param name="state">Only jobs in this state.</param>
    /// <param name="user">Only this user's jobs.</param>
    /// <param name="arrayParentId">Only the tasks of this array.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<JobView> List(JobState? state = null, string? user = null, long? arrayParentId = null)
    {
        IEnumerable<JobRecord> jobs = state is { } s ? _store.ByState(s) : user is not null ? _store.ByUser(user) : _store.All();
        jobs = jobs.Where(j => (user is null || j.User == user) && (arrayParentId is null || j.ArrayParentId == arrayParentId));
        return [.. jobs.OrderByDescending(j => j.Id).Select(j => View(j, withReplicas: false))];
    }

    /// <summary>Cancels a job; for an array's first task, every unfinished task of the array.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The job after the request (a running job ends CANCELLED once its processes have stopped).</returns>
    public JobView Cancel(long id)
    {
        var job = Record(id);
        var targets = job.ArrayParentId == job.Id ? _store.ArrayTasks(job.Id) : [job];
        if (targets.All(t => JobStateMachine.IsEnded(t.State)))
        {
            throw new JobConflictException($"Job {id} already ended {JobStateNames.Name(job.State)}; there is nothing to cancel.");
        }

        foreach (var target in targets.Where(t => !JobStateMachine.IsEnded(t.State)))
        {
            CancelOne(target.Id);
        }

        Wake();
        return Get(id);
    }

    /// <summary>Halts a running job: SIGTERM with <c>LOOM_CHECKPOINT_DIR</c> set, the grace period, resources released.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The job after the request (HALTED once its processes have stopped).</returns>
    public JobView Halt(long id)
    {
        lock (_gate)
        {
            var job = Record(id);
            if (!_active.TryGetValue(id, out var active))
            {
                throw new JobConflictException(
                    $"Job {id} is {JobStateNames.Name(job.State)}; only a running job can be halted (cancel a queued one with 'loom cancel').");
            }

            active.RequestStop(JobState.Halted, "Halted by the user");
        }

        return Get(id);
    }

    /// <summary>Queues a halted job again; it restarts with <c>LOOM_RESUME_FROM</c> at its last checkpoint.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The queued job.</returns>
    public JobView Resume(long id)
    {
        var job = Record(id);
        if (job.State != JobState.Halted)
        {
            throw new JobConflictException($"Job {id} is {JobStateNames.Name(job.State)}; only a halted job can be resumed.");
        }

        lock (_gate)
        {
            _store.Resume(id, "Resumed by the user");
        }

        Wake();
        return Get(id);
    }

    /// <summary>What the service schedules and how busy it is.</summary>
    /// <param name="url">The API address to report.</param>
    /// <returns>The summary.</returns>
    public HeadInfo Info(string url = "")
    {
        var holding = _store.ByState(JobState.Downloading, JobState.Running, JobState.Storing);
        var held = holding.SelectMany(j => j.GpuIds).ToHashSet();
        return new HeadInfo
        {
            Session = _options.Session,
            Pid = Environment.ProcessId,
            Url = url,
            Home = _options.Home,
            GpuIds = _options.GpuIds,
            Cpus = _options.Cpus,
            MemoryMb = _options.MemoryMb,
            FreeGpuIds = [.. _options.GpuIds.Where(g => !held.Contains(g))],
            FreeCpus = _options.Cpus - holding.Sum(j => j.Cpus),
            Queued = _store.ByState(JobState.Queued).Count,
            Running = holding.Count,
            StartedAt = StartedAt,
        };
    }

    /// <summary>
    /// Stops the service: running jobs are halted (SIGTERM, the grace period, SIGKILL) and queued again, so that
    /// they start again when a head runs; queued jobs stay queued.
    /// </summary>
    /// <returns>A task that completes once every run has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        ActiveJob[] active;
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            active = [.. _active.Values];
        }

        foreach (var job in active)
        {
            job.RequestStop(JobState.Halted, "The head stopped", headStopping: true);
        }

        await Task.WhenAll(active.Select(a => a.Completion)).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _wake.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _store.Dispose();
    }

    /// <summary>Asks for a scheduling pass.</summary>
    internal void Wake() => _wake.Writer.TryWrite(true);

    internal bool JobExists(long id) => _store.Get(id) is not null;

    private void CancelOne(long id)
    {
        lock (_gate)
        {
            if (_active.TryGetValue(id, out var active))
            {
                active.RequestStop(JobState.Cancelled, "Cancelled by the user");
                return;
            }

            var job = Record(id);
            if (job.State is JobState.Queued or JobState.Halted or JobState.Resumed)
            {
                _store.Transition(id, JobState.Cancelled, "Cancelled by the user");
            }
        }
    }

    private JobRecord Record(long id) =>
        _store.Get(id) ?? throw new KeyNotFoundException($"There is no job {id.ToString(CultureInfo.InvariantCulture)}; 'loom list' shows the jobs.");

    private JobView View(JobRecord job) => View(job, withReplicas: true);

    private JobView View(JobRecord job, bool withReplicas) =>
        JobViews.Of(job, _options.Session, JobDirectory(job.Id), withReplicas ? JobViews.ReadReplicas(_store.Replicas(job.Id)) : []);

    private AppDef? ReadApp(long id)
    {
        var text = _store.Payload(id);
        return text.Length == 0 ? null : JsonSerializer.Deserialize<AppDef>(text, JobsJson.Options);
    }

    private async Task LoopAsync()
    {
        using var tick = new PeriodicTimer(_options.PollInterval, _options.TimeProvider);
        var ticks = TickAsync(tick);
        var reader = _wake.Reader;
        Wake();
        while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            reader.TryRead(out _);
            try
            {
                Schedule();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SchedulingFailed(_options.Logger, e);
            }
        }

        await ticks.ConfigureAwait(false);
    }

    private async Task TickAsync(PeriodicTimer tick)
    {
        try
        {
            while (await tick.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Wake();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            var queued = _store.QueuedCandidates();
            if (queued.Count == 0)
            {
                return;
            }

            var running = _store.ByState(JobState.Downloading, JobState.Running, JobState.Storing);
            var held = running.SelectMany(j => j.GpuIds).ToHashSet();
            var snapshot = new QueueSnapshot
            {
                Queued = queued,
                Running = running,
                Dependencies = _store.Find(queued.SelectMany(j => j.Dependencies).Select(d => d.JobId)),
                LastStartByUser = _store.LastStartByUser(),
                FreeGpuIds = [.. _options.GpuIds.Where(g => !held.Contains(g))],
                FreeCpus = _options.Cpus - running.Sum(j => j.Cpus),
                FreeMemoryMb = _options.MemoryMb - running.Sum(j => j.MemoryMb),
                Now = _options.TimeProvider.GetUtcNow(),
            };
            var decision = _policy.Decide(snapshot);
            if (decision.PassedOver.Count > 0)
            {
                _store.RecordPassedOver(decision.PassedOver);
            }

            foreach (var failure in decision.Failures)
            {
                _store.Transition(failure.Job.Id, JobState.Failed, failure.Reason);
                Wake();
            }

            if (decision.Preemption is { } preemption)
            {
                foreach (var victim in preemption.Victims)
                {
                    if (_active.TryGetValue(victim.Id, out var active))
                    {
                        active.RequestStop(
                            JobState.Halted,
                            $"Preempted by job {preemption.Job.Id.ToString(CultureInfo.InvariantCulture)}",
                            preemptedBy: preemption.Job.Id);
                    }
                }
            }

            foreach (var start in decision.Starts)
            {
                Launch(start);
            }
        }
    }
}
