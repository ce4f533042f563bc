using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Loom.Worker.Isolation;

/// <summary>
/// Knows how to start a <c>loom worker</c> process: the <see cref="LocalClusterOptions.WorkerCommand"/>
/// override, else <c>Loom.Cli.dll</c> next to <c>Loom.dll</c> run with <c>dotnet exec</c>, else
/// <c>loom</c> on the PATH. Each process gets its GPU ids in <c>CUDA_VISIBLE_DEVICES</c>.
/// </summary>
internal sealed class WorkerLauncher
{
    private readonly Lazy<string[]> _command;

    public WorkerLauncher(IReadOnlyList<string>? command)
    {
        _command = new Lazy<string[]>(() => Locate(command));
    }

    public ProcessStartInfo StartInfo(int[] gpuIds)
    {
        var command = _command.Value;
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("worker");
        info.Environment["CUDA_VISIBLE_DEVICES"] = GpuKey(gpuIds);
        return info;
    }

    /// <summary>The GPU ids as <c>CUDA_VISIBLE_DEVICES</c> spells them; also the key of the worker pool.</summary>
    public static string GpuKey(int[] gpuIds) => string.Join(',', gpuIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private static string[] Locate(IReadOnlyList<string>? configured)
    {
        if (configured is { Count: > 0 })
        {
            return [.. configured];
        }

        var directory = Path.GetDirectoryName(typeof(WorkerLauncher).Assembly.Location) ?? AppContext.BaseDirectory;
        var cli = Path.Combine(directory, "Loom.Cli.dll");
        if (File.Exists(cli))
        {
            return [DotnetHost(), "exec", .. RuntimeFiles(cli), cli];
        }

        var onPath = FindOnPath(OperatingSystem.IsWindows() ? "loom.exe" : "loom");
        if (onPath is not null)
        {
            return [onPath];
        }

        throw new LoomException(
            "Cannot start a Loom worker process. Tried: LocalClusterOptions.WorkerCommand (not set); "
            + $"'{cli}' (not found: reference the Loom.Cli project or package so it is copied next to Loom.dll); "
            + "'loom' on the PATH (not found: install it with 'dotnet tool install -g Loom.Cli').");
    }

    /// <summary>The runtime and dependency files to run the CLI with: its own, else the entry application's.</summary>
    private static string[] RuntimeFiles(string cli)
    {
        var own = Path.ChangeExtension(cli, ".runtimeconfig.json");
        if (File.Exists(own))
        {
            return [];
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
        {
            return [];
        }

        var runtimeConfig = Path.ChangeExtension(entry, ".runtimeconfig.json");
        var deps = Path.ChangeExtension(entry, ".deps.json");
        List<string> files = [];
        if (File.Exists(runtimeConfig))
        {
            files.AddRange(["--runtimeconfig", runtimeConfig]);
        }

        if (File.Exists(deps))
        {
            files.AddRange(["--depsfile", deps]);
        }

        return [.. files];
    }

    /// <summary>The <c>dotnet</c> host running this process when there is one, else the one the SDK or PATH names.</summary>
    private static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && string.Equals(Path.GetFileName(current), executable, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, executable)))
        {
            return Path.Combine(root, executable);
        }

        return FindOnPath(executable) ?? executable;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
}
