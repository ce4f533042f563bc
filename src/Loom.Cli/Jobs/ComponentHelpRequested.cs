namespace Loom.Cli.Jobs;

/// <summary>The user asked for a component's help (<c>--help</c> after its name); its usage is printed instead of running it.</summary>
internal sealed class ComponentHelpRequested(string usage) : Exception(usage)
{
    public string Usage { get; } = usage;
}
