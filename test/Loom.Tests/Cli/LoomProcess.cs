using System.Diagnostics;
using Loom.Tests.Support;

namespace Loom.Tests.Cli;

/// <summary>Runs the real <c>loom</c> executable (Loom.Cli.dll, copied beside the tests) and captures its output.</summary>
internal static class LoomProcess
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments) =>
        RunInAsync(null, null, arguments);

    /// <summary>Runs loom with <c>LOOM_HOME</c> set (when given) in a working directory (when given).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string? loomHome, string? workingDirectory, params string[] arguments) =>
        RunWithAsync(loomHome, workingDirectory, null, TestCluster.Patience, arguments);

    /// <summary>Runs loom with <c>LOOM_HOME</c>, a working directory, extra environment variables and a limit on how long it may run.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithAsync(
        string? loomHome, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (loomHome is not null)
        {
            start.Environment["LOOM_HOME"] = loomHome;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Loom.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(limit);
        return (process.ExitCode, await stdout, await stderr);
    }
}
