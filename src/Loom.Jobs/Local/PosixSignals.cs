using System.Runtime.InteropServices;

namespace Loom.Jobs.Local;

/// <summary>
/// Sends POSIX signals through libc's <c>kill</c>. .NET's <see cref="System.Diagnostics.Process"/> can only
/// SIGKILL (<c>Kill</c>); a graceful stop needs SIGTERM so that a replica can write its checkpoint, and
/// signalling a recorded PID after a head restart needs a call that works on processes that are not
/// this process's children.
/// </summary>
internal static partial class PosixSignals
{
    /// <summary>The polite termination request.</summary>
    public const int SigTerm = 15;

    /// <summary>The termination that cannot be caught or ignored.</summary>
    public const int SigKill = 9;

    /// <summary>Sends a signal to one process; a process that is already gone is not an error.</summary>
    /// <param name="pid">The process id.</param>
    /// <param name="signal">The signal number.</param>
    /// <returns>Whether the signal was delivered.</returns>
    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);
}
