using System.Diagnostics;

namespace Loom.Jobs.Local;

/// <summary>One started replica: its process, its identity and its tree of descendants.</summary>
internal sealed class ReplicaProcess : IDisposable
{
    // The replica runs under sh, which sends the entrypoint's output to the log files, so the logs need no pump
    // in the head and survive its death, and then writes the entrypoint's exit status to a file, so that a head
    // restarted after a crash (no longer the replica's parent) still learns how the replica ended. The shell
    // traps (rather than ignores, which the entrypoint would inherit) SIGTERM, SIGINT and SIGHUP, so that it
    // outlives a replica that takes its grace period to checkpoint and reports that replica's own exit.
    private const string Redirect =
        "trap : TERM INT HUP; \"$0\" \"$@\" < /dev/null > stdout.log 2> stderr.log; code=$?; echo $code > " + ExitCodeFile + "; exit $code";

    /// <summary>The file in a replica's working directory that holds its exit status once it has ended.</summary>
    public const string ExitCodeFile = ".exit_code";

    private readonly Process _process;

    private ReplicaProcess(ReplicaLaunch launch, Process process)
    {
        Launch = launch;
        _process = process;
        Info = new ReplicaProcessInfo(launch.Role, launch.ReplicaId, launch.Rank, process.Id, ProcFs.StartTime(process.Id), launch.Directory);
    }

    /// <summary>What was started.</summary>
    public ReplicaLaunch Launch { get; }

    /// <summary>The identity recorded for it.</summary>
    public ReplicaProcessInfo Info { get; }

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Creates the working directory and starts the replica.</summary>
    /// <param name="launch">What to start.</param>
    /// <returns>The started replica.</returns>
    public static ReplicaProcess Start(ReplicaLaunch launch)
    {
        Directory.CreateDirectory(launch.Directory);
        // An earlier attempt's exit status must not be read as this attempt's.
        File.Delete(Path.Combine(launch.Directory, ExitCodeFile));
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = launch.Directory,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Redirect);
        info.ArgumentList.Add(launch.Entrypoint);
        foreach (var arg in launch.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Starting replica {launch.Role}/{launch.ReplicaId} returned no process.");
        return new ReplicaProcess(launch, process);
    }

    /// <summary>Waits for the process to exit and says how it ended.</summary>
    /// <returns>The exit.</returns>
    public async Task<ReplicaExit> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var code = _process.ExitCode;
        int? signal = code > 128 && code < 128 + 65 ? code - 128 : null;
        return new ReplicaExit(Launch.Role, Launch.ReplicaId, Launch.Rank, Info.Pid, code, signal);
    }

    /// <summary>The process and its live descendants.</summary>
    /// <returns>Process ids.</returns>
    public IReadOnlyList<int> Tree() => HasExited ? [] : ProcFs.Tree(Info.Pid);

    /// <summary>The resident memory of the process and its descendants in KiB.</summary>
    /// <returns>KiB.</returns>
    public long ResidentKiB() => Tree().Sum(ProcFs.ResidentKiB);

    /// <summary>Sends a signal to every process of the tree, children included.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="extra">Processes seen in the tree earlier, signalled too when still alive.</param>
    public void Signal(int signal, IEnumerable<int> extra)
    {
        foreach (var pid in Tree().Concat(extra).Distinct())
        {
            PosixSignals.Send(pid, signal);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();
}
