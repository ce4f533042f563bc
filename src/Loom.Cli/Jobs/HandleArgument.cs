using System.CommandLine;
using Loom.Jobs.Api;

namespace Loom.Cli.Jobs;

/// <summary>The job handle argument of status, describe, log, cancel, halt and resume.</summary>
internal static class HandleArgument
{
    public static Argument<string> Create() => new("handle")
    {
        Description = "The job: what 'loom run' printed (local://SESSION/NAME-ID or slurm://SESSION/JOB_ID), NAME-ID, or the local job number.",
    };

    public static long Read(ParseResult parseResult, Argument<string> argument)
    {
        var text = parseResult.GetValue(argument) ?? "";
        if (SchedulerNames.Of(text.Trim()) == SchedulerNames.Slurm)
        {
            throw new CliFailure(
                $"'{parseResult.CommandResult.Command.Name}' works on local jobs only; '{text}' is a Slurm job. On Slurm, 'loom cancel' it (its checkpoints stay in its job_dir) and submit it again.",
                ExitCodes.Usage);
        }

        return JobHandle.TryParse(text, out var id, out var error) ? id : throw new CliFailure(error, ExitCodes.Usage);
    }

    /// <summary>The handle as given, checked to name a known scheduler (and, for local jobs, a job).</summary>
    public static string ReadHandle(ParseResult parseResult, Argument<string> argument)
    {
        var text = (parseResult.GetValue(argument) ?? "").Trim();
        var scheme = SchedulerNames.Of(text);
        if (!SchedulerNames.Known.Contains(scheme))
        {
            throw new CliFailure($"'{text}' is a handle of an unknown scheduler '{scheme}'; schedulers: {string.Join(", ", SchedulerNames.Known)}.", ExitCodes.Usage);
        }

        if (scheme == SchedulerNames.Local && !JobHandle.TryParse(text, out _, out var error))
        {
            throw new CliFailure(error, ExitCodes.Usage);
        }

        return text;
    }
}
