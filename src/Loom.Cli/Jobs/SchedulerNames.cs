using Loom.Jobs.Api;

namespace Loom.Cli.Jobs;

/// <summary>Which scheduler a job handle belongs to.</summary>
internal static class SchedulerNames
{
    public const string Local = JobHandle.LocalScheme;

    public const string Slurm = "slurm";

    public static readonly string[] Known = [Local, Slurm];

    /// <summary>The scheme of <c>SCHEME://…</c>, else <c>local</c> (bare ids and NAME-ID are local jobs).</summary>
    public static string Of(string handle)
    {
        var scheme = handle.IndexOf("://", StringComparison.Ordinal);
        return scheme > 0 ? handle[..scheme] : Local;
    }
}
