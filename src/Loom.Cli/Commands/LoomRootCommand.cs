using System.CommandLine;
using System.CommandLine.Help;
using Loom.Cli.Commands.Jobs;

namespace Loom.Cli.Commands;

/// <summary>
/// The <c>loom</c> root command: help, <c>--version</c> and the sub-commands. It is a named
/// <see cref="Command"/> rather than a <see cref="RootCommand"/> so that help says "loom" whatever
/// the executable file is called.
/// </summary>
internal static class LoomRootCommand
{
    public static Command Create() =>
        new("loom", "Loom: a distributed runtime for .NET. Run apps on a GPU-aware job queue, a demo, or the microbenchmarks.")
        {
            new HelpOption(),
            new VersionOption(),
            DemoCommand.Create(),
            MicrobenchmarkCommand.Create(),
            WorkerCommand.Create(),
            BuiltinsCommand.Create(),
            RunCommand.Create(),
            StatusCommand.Create(),
            DescribeCommand.Create(),
            LogCommand.Create(),
            JobActionCommands.Cancel(),
            JobActionCommands.Halt(),
            JobActionCommands.Resume(),
            ListCommand.Create(),
            RunoptsCommand.Create(),
            BatchCommand.Create(),
            StartCommand.Create(),
            StopCommand.Create(),
            HeadCommand.Create(),
            Tune.TuneCommand.Create(),
        };
}
