using System.Globalization;
using Loom.Jobs.Schedulers;

namespace Loom.Jobs.Slurm.Commands;

/// <summary>Slurm's client commands (<c>sbatch</c>, <c>squeue</c>, <c>scontrol</c>, <c>scancel</c>, <c>sacct</c>), run without a shell.</summary>
internal sealed class SlurmCommands(string? directory, TimeSpan timeout)
{
    /// <summary>Submits a script with <c>sbatch --parsable</c>; a failure says why.</summary>
    /// <returns>The job id and, when sbatch names it, the cluster.</returns>
    public async Task<(long JobId, string? Cluster, CommandResult Result)> SbatchAsync(string scriptPath, CancellationToken cancellationToken)
    {
        var result = await RunAsync("sbatch", ["--parsable", scriptPath], cancellationToken);
        var line = result.Stdout.Trim();
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var id = semicolon >= 0 ? line[..semicolon] : line;
        if (!result.Succeeded || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId))
        {
            return (0, null, result);
        }

        return (jobId, semicolon >= 0 ? line[(semicolon + 1)..] : null, result);
    }

    /// <summary><c>squeue --json</c>, for one job or for the user's jobs; null when Slurm does not know the job.</summary>
    public async Task<string?> SqueueJsonAsync(string? jobId, CancellationToken cancellationToken)
    {
        var result = await RunAsync("squeue", jobId is null ? ["--json", "--me"] : ["--json", "--jobs", jobId], cancellationToken);
        return result.Succeeded ? result.Stdout
            : SlurmErrors.IsInvalidJobId(result.Stderr) ? null
            : throw SlurmErrors.Failed("squeue", result);
    }

    /// <summary><c>scontrol show job</c> for one job (or every job); null when the controller no longer knows it.</summary>
    public async Task<string?> ShowJobAsync(string? jobId, CancellationToken cancellationToken)
    {
        var result = await RunAsync("scontrol", jobId is null ? ["show", "job"] : ["show", "job", jobId], cancellationToken);
        return result.Succeeded ? result.Stdout
            : SlurmErrors.IsInvalidJobId(result.Stderr) ? null
            : throw SlurmErrors.Failed("scontrol show job", result);
    }

    /// <summary><c>scontrol show config</c>.</summary>
    public async Task<string> ShowConfigAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("scontrol", ["show", "config"], cancellationToken);
        return result.Succeeded ? result.Stdout : throw SlurmErrors.Failed("scontrol show config", result);
    }

    /// <summary><c>scancel ID</c>.</summary>
    public async Task ScancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var result = await RunAsync("scancel", [jobId], cancellationToken);
        if (!result.Succeeded && !result.Stderr.Contains("already completing or completed", StringComparison.OrdinalIgnoreCase))
        {
            throw SlurmErrors.IsInvalidJobId(result.Stderr)
                ? new SchedulerException($"Slurm does not know job {jobId} (it may have ended long ago).")
                : SlurmErrors.Failed("scancel", result);
        }
    }

    /// <summary>
    /// <c>sacct --parsable2</c> for one job; null when accounting is not there (no slurmdbd) or the command is
    /// missing: accounting is optional.
    /// </summary>
    public async Task<string?> SacctAsync(string jobId, string format, CancellationToken cancellationToken)
    {
        if (Resolve("sacct") is null)
        {
            return null;
        }

        try
        {
            var result = await RunAsync("sacct", ["--parsable2", "--duplicates", "--jobs", jobId, "--format", format], cancellationToken);
            return result.Succeeded && result.Stdout.Trim().Length > 0 ? result.Stdout : null;
        }
        catch (SchedulerException)
        {
            return null;
        }
    }

    /// <summary>Throws the "commands not found" error unless <paramref name="command"/> can be run.</summary>
    public void Require(string command)
    {
        if (Resolve(command) is null)
        {
            throw SlurmErrors.NotFound(command, directory);
        }
    }

    private async Task<CommandResult> RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = Resolve(command) ?? throw SlurmErrors.NotFound(command, directory);
        var result = await CommandRunner.RunAsync(program, arguments, timeout, cancellationToken);
        if (!result.Succeeded && SlurmErrors.IsUnreachable(result.Stderr))
        {
            throw SlurmErrors.ControllerUnreachable(command, result.Stderr);
        }

        return result;
    }

    private string? Resolve(string command)
    {
        if (directory is not null)
        {
            var path = Path.Combine(directory, command);
            return File.Exists(path) ? path : null;
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        return searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
    }
}
