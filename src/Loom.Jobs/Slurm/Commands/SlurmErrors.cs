using Loom.Jobs.Schedulers;

namespace Loom.Jobs.Slurm.Commands;

/// <summary>Turns what Slurm's commands print on failure into errors that say what to do.</summary>
internal static class SlurmErrors
{
    private const string LocalCluster =
        "start a local cluster with deploy/slurm/local-cluster.sh install && deploy/slurm/local-cluster.sh start";

    private static readonly string[] Unreachable =
    [
        "Unable to contact slurm controller",
        "Socket timed out on send/recv",
        "Zero Bytes were transmitted or received",
        "Connection refused",
        "Munge decode failed",
        "Unable to establish controller machine",
    ];

    /// <summary>A command was not found.</summary>
    public static SchedulerException NotFound(string command, string? directory) => new(
        $"Slurm's commands were not found ({command} not {(directory is null ? "on PATH" : $"in {directory}")}): " +
        $"run Loom on a Slurm login node, or {LocalCluster}.");

    /// <summary>Whether stderr says the controller could not be reached.</summary>
    public static bool IsUnreachable(string stderr) => Unreachable.Any(s => stderr.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The controller could not be reached.</summary>
    public static SchedulerException ControllerUnreachable(string command, string stderr) => new(
        $"The Slurm controller does not answer ({Prefixed(command, stderr)}): check that slurmctld runs ('scontrol ping', 'sinfo'), " +
        $"or for a local cluster run deploy/slurm/local-cluster.sh start.");

    /// <summary>Whether stderr says the job id is unknown (the job left the controller).</summary>
    public static bool IsInvalidJobId(string stderr) => stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether sbatch said no partition's nodes can hold the request.</summary>
    public static bool IsUnsatisfiable(string stderr) =>
        stderr.Contains("Requested node configuration is not available", StringComparison.OrdinalIgnoreCase) ||
        stderr.Contains("More processors requested than permitted", StringComparison.OrdinalIgnoreCase) ||
        stderr.Contains("Memory specification can not be satisfied", StringComparison.OrdinalIgnoreCase);

    /// <summary>sbatch refused a request no node can hold.</summary>
    /// <param name="stderr">sbatch's message.</param>
    /// <param name="request">What was asked, per replica.</param>
    public static SchedulerException Unsatisfiable(string stderr, string request) => new(
        $"Slurm has no nodes that can hold this job ({Message(stderr)}). It asked for {request}. " +
        "See what each partition's nodes offer with: sinfo -o '%P %c %m %G' (partition, CPUs, memory in MB, GPUs), " +
        "then ask for less, or pick a partition with -cfg partition=NAME.")
    {
        IsUsageError = true,
    };

    /// <summary>sbatch refused the script for another reason.</summary>
    public static SchedulerException Rejected(string stderr, string scriptPath) => new(
        $"sbatch rejected the job: {Message(stderr)}. The script is {scriptPath} ('loom run --dryrun' prints it); " +
        "check the run options (-cfg partition=…, account=…, qos=…) against 'sinfo' and 'sacctmgr show assoc'.")
    {
        IsUsageError = true,
    };

    /// <summary>A command failed in a way not recognised.</summary>
    public static SchedulerException Failed(string command, CommandResult result) => new(
        $"{command} failed (exit status {result.ExitCode}): {Message(result.Stderr.Length > 0 ? result.Stderr : result.Stdout)}");

    /// <summary>stderr on one line, without sbatch's "error:" prefixes.</summary>
    public static string Message(string stderr) => string.Join(" ", stderr
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Replace("sbatch: error: ", "", StringComparison.Ordinal).Replace("sbatch: ", "", StringComparison.Ordinal)));

    /// <summary>Slurm's message, with the command's name in front unless Slurm already put it there.</summary>
    private static string Prefixed(string command, string stderr)
    {
        var text = stderr.Trim();
        return text.StartsWith(command + ":", StringComparison.Ordinal) ? text : $"{command}: {text}";
    }
}
