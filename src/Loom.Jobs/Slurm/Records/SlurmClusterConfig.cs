using Loom.Jobs.Slurm.Commands;

namespace Loom.Jobs.Slurm.Records;

/// <summary>
/// What Loom needs of <c>scontrol show config</c> (the cluster's name, the job-completion log's location),
/// looked up once and cached under <c>$LOOM_HOME/slurm/</c>.
/// </summary>
internal sealed class SlurmClusterConfig(SlurmPaths paths, SlurmCommands commands)
{
    /// <summary>The name used when the cluster's is unknown.</summary>
    public const string DefaultCluster = "slurm";

    private string? _cluster;
    private string? _jobCompLocation;

    /// <summary>The cluster's name (<c>ClusterName</c>), or <see cref="DefaultCluster"/> when it cannot be read.</summary>
    public async Task<string> ClusterNameAsync(CancellationToken cancellationToken)
    {
        _cluster ??= Cached(paths.ClusterFile) ?? await LookUpAsync("ClusterName", paths.ClusterFile, cancellationToken);
        return string.IsNullOrEmpty(_cluster) ? DefaultCluster : _cluster;
    }

    /// <summary>The job-completion log (<c>JobCompLoc</c>) when it is a readable file, else null.</summary>
    public async Task<string?> JobCompLogAsync(CancellationToken cancellationToken)
    {
        _jobCompLocation ??= Cached(paths.JobCompFile) ?? await LookUpAsync("JobCompLoc", paths.JobCompFile, cancellationToken);
        return Path.IsPathRooted(_jobCompLocation) && File.Exists(_jobCompLocation) ? _jobCompLocation : null;
    }

    /// <summary>A value of <c>scontrol show config</c>'s <c>Name = value</c> lines; null when absent or <c>(null)</c>.</summary>
    public static string? Read(string config, string name)
    {
        foreach (var line in config.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Trim() == name)
            {
                var value = line[(equals + 1)..].Trim();
                return value.Length == 0 || value == "(null)" ? null : value;
            }
        }

        return null;
    }

    private static string? Cached(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<string> LookUpAsync(string name, string cacheFile, CancellationToken cancellationToken)
    {
        string config;
        try
        {
            config = await commands.ShowConfigAsync(cancellationToken);
        }
        catch (Schedulers.SchedulerException)
        {
            return "";
        }

        var value = Read(config, name) ?? "";
        try
        {
            Directory.CreateDirectory(paths.Root);
            await File.WriteAllTextAsync(cacheFile, value, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves a later lookup; an unwritable $LOOM_HOME must not stop the command.
        }

        return value;
    }
}
