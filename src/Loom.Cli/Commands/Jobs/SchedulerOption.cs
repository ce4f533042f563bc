using System.CommandLine;
using Loom.Cli.Jobs;

namespace Loom.Cli.Commands.Jobs;

/// <summary>The <c>-s</c> option: which scheduler runs the app.</summary>
internal static class SchedulerOption
{
    public static Option<string> Create() => new("-s", "--scheduler")
    {
        Description = "The scheduler: local (this machine's head) or slurm (the Slurm cluster this machine submits to).",
        DefaultValueFactory = _ => "local",
    };

    public static void Check(string? name)
    {
        if (name is not null && !SchedulerNames.Known.Contains(name))
        {
            throw new CliFailure($"Unknown scheduler '{name}'; schedulers: {string.Join(", ", SchedulerNames.Known)}.", ExitCodes.Usage);
        }
    }
}
