using System.Globalization;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Specs;
using N = Loom.Jobs.Slurm.Options.SlurmRunOptionNames;

namespace Loom.Jobs.Slurm.Options;

/// <summary>The Slurm scheduler's run options, read from <c>-cfg key=value</c>.</summary>
internal sealed record SlurmRunOptions
{
    public string? Partition { get; init; }

    public string? Qos { get; init; }

    public string? Account { get; init; }

    public string? Constraint { get; init; }

    public string? Comment { get; init; }

    public string? MailUser { get; init; }

    public string? MailType { get; init; }

    /// <summary>The folder for the script, logs and checkpoints (absolute).</summary>
    public required string JobDir { get; init; }

    public TimeSpan? TimeLimit { get; init; }

    public int? MaxRetries { get; init; }

    public GpuFlag GpuFlag { get; init; } = GpuFlag.Gres;

    public bool NoMem { get; init; }

    public bool Exclusive { get; init; }

    /// <summary>Reads the options; an unknown key or a bad value is a usage error.</summary>
    /// <param name="raw">Key → value as given.</param>
    /// <param name="defaultJobDir">The job folder when <c>job_dir</c> is not given.</param>
    /// <param name="baseDirectory">The folder a relative <c>job_dir</c> is resolved against.</param>
    public static SlurmRunOptions Parse(IReadOnlyDictionary<string, string> raw, string defaultJobDir, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var options = new SlurmRunOptions { JobDir = defaultJobDir };
        foreach (var (key, given) in raw)
        {
            var value = given.Trim();
            options = key switch
            {
                N.Partition => options with { Partition = Text(key, value) },
                N.Qos => options with { Qos = Text(key, value) },
                N.Account => options with { Account = Text(key, value) },
                N.Constraint => options with { Constraint = Text(key, value) },
                N.Comment => options with { Comment = Text(key, value) },
                N.MailUser => options with { MailUser = Text(key, value) },
                N.MailType => options with { MailType = Text(key, value) },
                N.JobDir => options with { JobDir = Folder(key, value, baseDirectory) },
                N.TimeLimit or N.Time => options with { TimeLimit = Duration(key, value) },
                N.MaxRetries => options with { MaxRetries = Count(key, value) },
                N.GpuFlag => options with { GpuFlag = Gpu(value) },
                N.NoMem => options with { NoMem = Flag(key, value) },
                N.Exclusive => options with { Exclusive = Flag(key, value) },
                _ => throw Usage($"Slurm run option: {DidYouMean.Describe("option", key, SlurmRunOptionCatalog.Keys)} (see 'loom runopts -s slurm')."),
            };
        }

        return options;
    }

    private static string Text(string key, string value) =>
        value.Length == 0 ? throw Usage($"Slurm run option '{key}' is empty: give a value or leave it out.")
        : value.Any(char.IsControl) ? throw Usage($"Slurm run option '{key}' holds a control character.")
        : value;

    /// <summary>
    /// The job folder, absolute. It holds no backslash: Slurm reads a backslash in an <c>--output</c> path as
    /// "do not expand this pattern" and drops it, so the logs would land elsewhere.
    /// </summary>
    private static string Folder(string key, string value, string baseDirectory) =>
        value.Contains('\\', StringComparison.Ordinal)
            ? throw Usage($"Slurm run option '{key}': '{value}' holds a backslash, which Slurm's --output/--error cannot carry; pick another folder.")
            : Path.GetFullPath(Text(key, value), baseDirectory);

    private static TimeSpan Duration(string key, string value)
    {
        try
        {
            return SlurmDuration.Parse(value);
        }
        catch (FormatException e)
        {
            throw Usage($"Slurm run option '{key}': {e.Message}");
        }
    }

    private static int Count(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Usage($"Slurm run option '{key}': '{value}' is not a whole number >= 0.");

    private static bool Flag(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw Usage($"Slurm run option '{key}': '{value}' is not true or false."),
    };

    private static GpuFlag Gpu(string value) => value.ToLowerInvariant() switch
    {
        "gres" => GpuFlag.Gres,
        "gpus-per-task" or "gpus_per_task" => GpuFlag.GpusPerTask,
        _ => throw Usage($"Slurm run option '{N.GpuFlag}': '{value}' is neither 'gres' (--gres=gpu:N) nor 'gpus-per-task' (--gpus-per-task=N)."),
    };

    private static SchedulerException Usage(string message) => new(message) { IsUsageError = true };
}
