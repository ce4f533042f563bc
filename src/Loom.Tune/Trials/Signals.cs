using System.Runtime.InteropServices;

namespace Loom.Tune;

/// <summary>Sends SIGTERM, so that a command trial can save its work before it is killed.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(pid, SigTerm);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
