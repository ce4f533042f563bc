namespace Loom.Cli.Demo;

/// <summary>A counter actor's state, as returned to callers.</summary>
internal sealed record CounterState(long Value, int Calls);
