using System.Globalization;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Local;

/// <summary>
/// One run of an app's replicas as local OS processes, watched until it ends: SUCCEEDED when every replica
/// exits 0, FAILED at the first failing replica, TIMEOUT past the time limit, OUT_OF_MEMORY when a replica's
/// resident memory passes the memory limit, CANCELLED or HALTED when asked. Every ending other than success
/// stops the remaining replicas the same way: SIGTERM to each replica's process tree, the grace period, then
/// SIGKILL to whatever is left. The job folder, logs and checkpoints are always kept.
/// </summary>
public sealed class AppRun : IAsyncDisposable
{
    private readonly AppRunOptions _options;
    private readonly IReadOnlyList<ReplicaProcess> _replicas;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _terminationStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopToken;
    private readonly ITimer? _timeLimit;
    private (JobState State, string Reason)? _ending;

    private AppRun(AppDef app, AppRunOptions options, int masterPort, IReadOnlyList<ReplicaProcess> replicas)
    {
        _options = options;
        _replicas = replicas;
        _stopToken = _stop.Token;
        MasterPort = masterPort;
        Replicas = replicas.Select(r => r.Info).ToArray();
        if (app.TimeLimit is { } limit)
        {
            _timeLimit = options.TimeProvider.CreateTimer(
                _ => End(JobState.Timeout, $"the time limit of {limit} passed"), null, limit, Timeout.InfiniteTimeSpan);
        }

        var watchers = replicas.Select(WatchAsync).ToArray();
        if (app.MemoryLimitMB is { } memoryLimit)
        {
            _ = WatchMemoryAsync(memoryLimit);
        }

        Completion = FinishAsync(watchers);
    }

    /// <summary>The started replicas, in rank order.</summary>
    public IReadOnlyList<ReplicaProcessInfo> Replicas { get; }

    /// <summary>The rendezvous port given to every replica as <c>MASTER_PORT</c>.</summary>
    public int MasterPort { get; }

    /// <summary>Completes with the run's outcome once every replica has exited.</summary>
    public Task<RunOutcome> Completion { get; }

    /// <summary>Completes once the remaining replicas have been sent SIGTERM (and the grace period has begun).</summary>
    public Task TerminationStarted => _terminationStarted.Task;

    /// <summary>Starts every replica of every role.</summary>
    /// <param name="app">The app, before macro substitution.</param>
    /// <param name="options">Where and how it runs.</param>
    /// <returns>The run.</returns>
    public static AppRun Start(AppDef app, AppRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var port = options.MasterPort ?? FreePort.Find();
        Directory.CreateDirectory(Path.Combine(options.JobDirectory, "checkpoints"));
        var started = new List<ReplicaProcess>();
        try
        {
            foreach (var launch in ReplicaPlan.For(app, options, port))
            {
                started.Add(ReplicaProcess.Start(launch));
            }
        }
        catch
        {
            foreach (var replica in started)
            {
                replica.Signal(PosixSignals.SigKill, []);
                replica.Dispose();
            }

            throw;
        }

        return new AppRun(app, options, port, started);
    }

    /// <summary>Cancels the run: its replicas are stopped and it ends CANCELLED.</summary>
    /// <param name="reason">Why, recorded with the outcome.</param>
    public void Cancel(string reason = "cancelled") => End(JobState.Cancelled, reason);

    /// <summary>Halts the run: its replicas get SIGTERM (with <c>LOOM_CHECKPOINT_DIR</c> set) and the grace period to checkpoint, and it ends HALTED.</summary>
    /// <param name="reason">Why, recorded with the outcome.</param>
    public void Halt(string reason = "halted") => End(JobState.Halted, reason);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            Cancel("the run was disposed");
        }

        await Completion.ConfigureAwait(false);
        _stop.Dispose();
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }
    }

    private async Task<ReplicaExit> WatchAsync(ReplicaProcess replica)
    {
        var exit = await replica.WaitForExitAsync().ConfigureAwait(false);
        if (!exit.Succeeded)
        {
            End(JobState.Failed, $"replica {exit.Name} (rank {exit.Rank}, pid {exit.Pid}) {exit.Describe()}");
        }

        return exit;
    }

    private async Task WatchMemoryAsync(int limitMB)
    {
        using var timer = new PeriodicTimer(_options.MemorySampleInterval, _options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopToken).ConfigureAwait(false))
            {
                foreach (var replica in _replicas)
                {
                    var kib = replica.ResidentKiB();
                    if (kib > limitMB * 1024L)
                    {
                        var culture = CultureInfo.InvariantCulture;
                        var info = replica.Info;

                        // The outcome is claimed before the kill, so the replica's exit cannot be taken for a failure first.
                        if (Claim(
                            JobState.OutOfMemory,
                            string.Create(culture, $"replica {info.Role}/{info.ReplicaId} (rank {info.Rank}, pid {info.Pid}) used {kib / 1024} MiB of resident memory, over the limit of {limitMB} MiB")))
                        {
                            replica.Signal(PosixSignals.SigKill, []);
                            _ = TerminateAsync();
                        }

                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private void End(JobState state, string reason)
    {
        if (Claim(state, reason))
        {
            _ = TerminateAsync();
        }
    }

    /// <summary>Records how the run ends, unless an earlier cause already did; true when this one did.</summary>
    private bool Claim(JobState state, string reason)
    {
        lock (_gate)
        {
            if (_ending is not null)
            {
                return false;
            }

            _ending = (state, reason);
            return true;
        }
    }

    private async Task TerminateAsync()
    {
        // The grace period starts before the signals go out, so that a test clock advanced after
        // TerminationStarted always finds it waiting.
        var grace = Task.Delay(_options.GracePeriod, _options.TimeProvider, _stopToken);
        var seen = new List<int>();
        foreach (var replica in _replicas)
        {
            seen.AddRange(replica.Tree());
            replica.Signal(PosixSignals.SigTerm, []);
        }

        _terminationStarted.TrySetResult();
        var allExited = Task.WhenAll(_replicas.Select(r => r.WaitForExitAsync()));
        try
        {
            if (await Task.WhenAny(allExited, grace).ConfigureAwait(false) == allExited)
            {
                return;
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        foreach (var replica in _replicas)
        {
            replica.Signal(PosixSignals.SigKill, seen);
        }
    }

    private async Task<RunOutcome> FinishAsync(Task<ReplicaExit>[] watchers)
    {
        var exits = await Task.WhenAll(watchers).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_timeLimit is not null)
        {
            await _timeLimit.DisposeAsync().ConfigureAwait(false);
        }

        lock (_gate)
        {
            _ending ??= (JobState.Succeeded, "");
            var (state, reason) = _ending.Value;
            return new RunOutcome(state, state == JobState.Succeeded ? null : reason, exits);
        }
    }
}
