namespace Loom.Cli.Demo;

/// <summary>One verified claim of the demo, such as "the sum is right" or "no GPU was shared".</summary>
internal sealed record DemoCheck(string Description, bool Passed, string Detail);
