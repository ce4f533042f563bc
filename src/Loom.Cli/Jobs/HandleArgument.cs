using System.CommandLine;
using Loom.Jobs.Api;

namespace Loom.Cli.Jobs;

/// <summary>The job handle argument of status, describe, log, cancel, halt and resume.</summary>
internal static class HandleArgument
{
    public static Argument<string> Create() => new("handle")
    {
        Description = "The job: what 'loom run' printed (local://SESSION/NAME-ID), NAME-ID, or the job number.",
    };

    public static long Read(ParseResult parseResult, Argument<string> argument)
    {
        var text = parseResult.GetValue(argument) ?? "";
        return JobHandle.TryParse(text, out var id, out var error) ? id : throw new CliFailure(error, ExitCodes.Usage);
    }
}
