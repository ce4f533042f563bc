using System.Diagnostics;
using System.Globalization;

namespace Loom.Worker.Isolation;

/// <summary>Words for how a worker process ended: its exit code, or the signal that killed it.</summary>
internal static class WorkerExit
{
    private static readonly string[] SignalNames =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
    ];

    public static string Describe(Process process, bool stoppedByNode)
    {
        if (stoppedByNode)
        {
            return "the node stopped it";
        }

        int code;
        try
        {
            if (!process.HasExited)
            {
                return "it closed its output channel";
            }

            code = process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return "its exit code is unknown";
        }

        if (!OperatingSystem.IsWindows() && code > 128 && code < 128 + 65)
        {
            var signal = code - 128;
            var name = signal < SignalNames.Length ? $" ({SignalNames[signal]})" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"it was killed by signal {signal}{name}, exit code {code}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"it exited with code {code}");
    }
}
