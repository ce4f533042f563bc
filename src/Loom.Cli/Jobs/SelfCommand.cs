namespace Loom.Cli.Jobs;

/// <summary>The command line that runs this same <c>loom</c> program again (as an app host or through <c>dotnet</c>).</summary>
internal static class SelfCommand
{
    public static IReadOnlyList<string> Get()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(host);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [host, "exec", typeof(SelfCommand).Assembly.Location]
            : [host];
    }
}
