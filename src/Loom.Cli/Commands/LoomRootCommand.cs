using System.CommandLine;

namespace Loom.Cli.Commands;

/// <summary>The <c>loom</c> root command: help, <c>--version</c> and the sub-commands.</summary>
internal static class LoomRootCommand
{
    public static RootCommand Create() =>
        new("Loom: a distributed runtime for .NET. Run a demo or the microbenchmarks on an embedded cluster.")
        {
            DemoCommand.Create(),
            MicrobenchmarkCommand.Create(),
        };
}
