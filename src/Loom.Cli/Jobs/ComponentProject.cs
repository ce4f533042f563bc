using System.Diagnostics;

namespace Loom.Cli.Jobs;

/// <summary>Builds a C# project of components (<c>dotnet build -c Release</c>) and returns the assembly it produced.</summary>
internal static class ComponentProject
{
    public static string Build(string projectPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in new[] { "build", projectPath, "-c", "Release", "--nologo", "-v", "q", "-t:Build", "-getProperty:TargetPath" })
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start) ?? throw new CliFailure("Could not start 'dotnet build' for the component project.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var output = stdout.Result.Trim();
        if (process.ExitCode != 0)
        {
            throw new CliFailure($"Building the component project {projectPath} failed (exit {process.ExitCode}):{Environment.NewLine}{output}{stderr}", ExitCodes.Usage);
        }

        var assembly = output.Split('\n').Last().Trim();
        return File.Exists(assembly)
            ? assembly
            : throw new CliFailure($"Building {projectPath} produced no assembly at '{assembly}'.", ExitCodes.Usage);
    }
}
