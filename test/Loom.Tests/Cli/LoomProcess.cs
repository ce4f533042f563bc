using System.Diagnostics;
using Loom.Tests.Support;

namespace Loom.Tests.Cli;

/// <summary>Runs the real <c>loom</c> executable (Loom.Cli.dll, copied beside the tests) and captures its output.</summary>
internal static class LoomProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Loom.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestCluster.Patience);
        return (process.ExitCode, await stdout, await stderr);
    }
}
