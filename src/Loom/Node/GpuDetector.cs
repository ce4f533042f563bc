using System.Diagnostics;

namespace Loom.Node;

/// <summary>Counts the machine's NVIDIA GPUs with <c>nvidia-smi -L</c>; no tool means no GPU.</summary>
internal static class GpuDetector
{
    public static int Detect()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", "-L")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return 0;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return 0;
            }

            return process.ExitCode == 0 ? CountGpus(output.GetAwaiter().GetResult()) : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    /// <summary>Counts the <c>GPU n: name (UUID: ...)</c> lines of <c>nvidia-smi -L</c>, MIG devices excluded.</summary>
    public static int CountGpus(string listing) =>
        listing.Split('\n').Count(line => line.TrimStart().StartsWith("GPU ", StringComparison.Ordinal));
}
