using System.Globalization;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Specs;

namespace Loom.Cli.Jobs;

/// <summary>The run options (<c>-cfg key=value,…</c>) of the local scheduler, as <c>loom runopts</c> lists them.</summary>
internal static class LocalRunOptions
{
    public static IReadOnlyList<RunOptionInfo> All { get; } =
    [
        new("user", "str", "the current user", "the user the job is accounted to (fair share, GPU quotas); its processes run as the head's OS user"),
        new("priority", "int", "the app's (0)", "queue priority; higher runs first and may preempt preemptible jobs"),
        new("preemptible", "bool", "the app's (False)", "whether a higher-priority job may halt this one and take its GPUs"),
        new("max_retries", "int", "the roles' max_retries", "how many times a FAILED, TIMEOUT or OUT_OF_MEMORY attempt is queued again"),
        new("time_limit", "duration", "the app's (none)", "run time after which the job ends TIMEOUT (SIGTERM, grace period, SIGKILL), e.g. 90s, 30m, 2h"),
        new("memory_limit", "int (MiB)", "the app's (none)", "resident memory per replica above which the job ends OUT_OF_MEMORY"),
    ];

    /// <summary>The parsed values.</summary>
    public sealed record Values(string? User, int? Priority, bool? Preemptible, int? MaxRetries, TimeSpan? TimeLimit = null, int? MemoryLimitMb = null)
    {
        /// <summary>The app with the limits given here.</summary>
        public AppDef Apply(AppDef app) => app with
        {
            TimeLimit = TimeLimit ?? app.TimeLimit,
            MemoryLimitMB = MemoryLimitMb ?? app.MemoryLimitMB,
        };
    }

    public static Values Parse(string? text)
    {
        string? user = null;
        int? priority = null;
        bool? preemptible = null;
        int? retries = null;
        TimeSpan? timeLimit = null;
        int? memoryLimit = null;
        foreach (var (key, value) in RunOptionPairs.Parse(text))
        {
            switch (key)
            {
                case "user":
                    user = value;
                    break;
                case "priority":
                    priority = Int(key, value);
                    break;
                case "preemptible":
                    preemptible = bool.TryParse(value, out var b) ? b : throw new CliFailure($"-cfg preemptible must be true or false, not '{value}'.", ExitCodes.Usage);
                    break;
                case "max_retries":
                    retries = Int(key, value);
                    break;
                case "time_limit":
                    timeLimit = SpecValues.TryParseDuration(value, out var limit) && limit > TimeSpan.Zero
                        ? limit
                        : throw new CliFailure($"-cfg time_limit must be a duration such as 90s, 30m, 2h or 01:30:00, not '{value}'.", ExitCodes.Usage);
                    break;
                case "memory_limit":
                    memoryLimit = Int(key, value) is var mib and > 0 ? mib : throw new CliFailure("-cfg memory_limit must be a positive number of MiB.", ExitCodes.Usage);
                    break;
                default:
                    throw new CliFailure(
                        DidYouMean.Describe("run option of the local scheduler", key, [.. All.Select(o => o.Name)]) + " ('loom runopts -s local' lists them.)",
                        ExitCodes.Usage);
            }
        }

        return new Values(user, priority, preemptible, retries, timeLimit, memoryLimit);
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CliFailure($"-cfg {key} must be a whole number, not '{value}'.", ExitCodes.Usage);
}
