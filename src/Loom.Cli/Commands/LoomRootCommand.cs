using System.CommandLine;
using System.CommandLine.Help;

namespace Loom.Cli.Commands;

/// <summary>
/// The <c>loom</c> root command: help, <c>--version</c> and the sub-commands. It is a named
/// <see cref="Command"/> rather than a <see cref="RootCommand"/> so that help says "loom" whatever
/// the executable file is called.
/// </summary>
internal static class LoomRootCommand
{
    public static Command Create() =>
        new("loom", "Loom: a distributed runtime for .NET. Run a demo or the microbenchmarks on an embedded cluster.")
        {
            new HelpOption(),
            new VersionOption(),
            DemoCommand.Create(),
            MicrobenchmarkCommand.Create(),
            WorkerCommand.Create(),
            BuiltinsCommand.Create(),
        };
}
