namespace Loom.Cli.Microbenchmark.Scale;

/// <summary>A scale scenario: a name, how many items it handles, and the work (which checks its own results).</summary>
internal sealed record ScaleScenario(string Name, int Items, Func<LoomCluster, Task> Run);
