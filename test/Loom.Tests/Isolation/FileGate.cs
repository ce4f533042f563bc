using System.Diagnostics;
using System.Globalization;
using Loom.Tests.Support;

namespace Loom.Tests.Isolation;

/// <summary>
/// Signals between a test and a worker process through files in a fresh directory: the worker
/// writes its process id and then waits for the "go" file; the test waits for the id file.
/// </summary>
internal sealed class FileGate : IDisposable
{
    public FileGate()
    {
        Directory = Path.Combine(Path.GetTempPath(), "loom-gate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Run in the worker: records this process's id, then blocks until the test opens the gate.</summary>
    public static int ReportAndWait(string directory)
    {
        var go = Path.Combine(directory, "go");
        File.WriteAllText(Path.Combine(directory, "pid.tmp"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.Move(Path.Combine(directory, "pid.tmp"), Path.Combine(directory, "pid"), overwrite: true);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(go) && deadline.Elapsed < TestCluster.Patience)
        {
            Thread.Sleep(5);
        }

        return Environment.ProcessId;
    }

    /// <summary>Waits until a worker has reported a process id other than <paramref name="except"/>.</summary>
    public async Task<int> WaitForPidAsync(int except = 0)
    {
        var path = Path.Combine(Directory, "pid");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TestCluster.Patience)
        {
            if (File.Exists(path) && int.TryParse(await File.ReadAllTextAsync(path), CultureInfo.InvariantCulture, out var pid) && pid != except)
            {
                return pid;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("No worker reported its process id.");
    }

    public void Open() => File.WriteAllText(Path.Combine(Directory, "go"), "go");

    public static void KillHard(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(); // SIGKILL on Unix, like kill -9.
    }

    public static bool IsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
