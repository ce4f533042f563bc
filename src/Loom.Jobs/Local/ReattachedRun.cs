namespace Loom.Jobs.Local;

/// <summary>
/// The replicas of a run started by an earlier head, found again from their recorded ids. A replica is alive
/// when <c>/proc/PID</c> exists, is not a zombie and has the recorded start time (so a later process given the
/// same id is not mistaken for it). These processes are not this head's children, so their exit codes cannot
/// be read: the run only learns that they have gone, and their logs tell the rest.
/// </summary>
public sealed class ReattachedRun : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly CancellationTokenSource _stop = new();

    private ReattachedRun(IReadOnlyList<ReplicaProcessInfo> alive, IReadOnlyList<ReplicaProcessInfo> dead, TimeProvider time, TimeSpan pollInterval)
    {
        Alive = alive;
        Dead = dead;
        _time = time;
        _pollInterval = pollInterval;
        Exited = WatchAsync(_stop.Token);
    }

    /// <summary>The recorded replicas still running when reattached.</summary>
    public IReadOnlyList<ReplicaProcessInfo> Alive { get; }

    /// <summary>The recorded replicas already gone when reattached.</summary>
    public IReadOnlyList<ReplicaProcessInfo> Dead { get; }

    /// <summary>Completes once every replica in <see cref="Alive"/> has gone; cancelled when this is disposed first.</summary>
    public Task Exited { get; }

    /// <summary>Sorts recorded replicas into alive and dead and watches the live ones.</summary>
    /// <param name="recorded">The replicas recorded by the earlier head.</param>
    /// <param name="pollInterval">How often the live ones are looked for.</param>
    /// <param name="time">The clock for polling; the system clock when null.</param>
    /// <returns>The reattached run.</returns>
    public static ReattachedRun Attach(IEnumerable<ReplicaProcessInfo> recorded, TimeSpan pollInterval, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var alive = new List<ReplicaProcessInfo>();
        var dead = new List<ReplicaProcessInfo>();
        foreach (var replica in recorded)
        {
            (IsAlive(replica) ? alive : dead).Add(replica);
        }

        return new ReattachedRun(alive, dead, time ?? TimeProvider.System, pollInterval);
    }

    /// <summary>
    /// The exit status a replica left in its working directory when it ended (its shell writes it), or null when it
    /// left none (it was killed before it could, or it still runs).
    /// </summary>
    /// <param name="replica">The replica.</param>
    /// <returns>The exit code; above 128 for a death by signal (128 + the signal).</returns>
    public static int? RecordedExitCode(ReplicaProcessInfo replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var path = Path.Combine(replica.Directory, ReplicaProcess.ExitCodeFile);
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends SIGTERM to the live replicas and their descendants.</summary>
    public void Terminate() => Signal(PosixSignals.SigTerm);

    /// <summary>Sends SIGKILL to the live replicas and their descendants.</summary>
    public void Kill() => Signal(PosixSignals.SigKill);

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static bool IsAlive(ReplicaProcessInfo replica) =>
        replica.StartTime is { } start && ProcFs.IsSameProcess(replica.Pid, start);

    private void Signal(int signal)
    {
        foreach (var replica in Alive.Where(IsAlive))
        {
            foreach (var pid in ProcFs.Tree(replica.Pid))
            {
                PosixSignals.Send(pid, signal);
            }
        }
    }

    private async Task WatchAsync(CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(_pollInterval, _time);
        while (Alive.Any(IsAlive))
        {
            await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false);
        }
    }
}
