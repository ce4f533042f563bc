using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>One part of the demo: runs on the cluster, reports progress, and returns what it showed and checked.</summary>
internal interface IDemoStep
{
    string Title { get; }

    Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken);
}
