using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Loom.Jobs.Queue;

/// <summary>Converts job rows and their column values to and from <see cref="JobRecord"/>s.</summary>
internal static class JobRowCodec
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "id, name, user, priority, gpus, cpus, memory_mb, preemptible, time_limit_ms, dependencies, array_parent_id, " +
        "array_index, array_max_concurrent, retry_count, max_retries, state, gpu_ids, passed_over, submitted_at, " +
        "started_at, ended_at, reason";

    /// <summary>Reads the current row.</summary>
    /// <param name="r">A reader over <see cref="Columns"/>.</param>
    /// <returns>The job.</returns>
    public static JobRecord Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        User = r.GetString(2),
        Priority = r.GetInt32(3),
        Gpus = r.GetInt32(4),
        Cpus = r.GetInt32(5),
        MemoryMb = r.GetInt64(6),
        Preemptible = r.GetInt64(7) != 0,
        TimeLimit = r.IsDBNull(8) ? null : TimeSpan.FromMilliseconds(r.GetInt64(8)),
        Dependencies = DecodeDependencies(r.GetString(9)),
        ArrayParentId = r.IsDBNull(10) ? null : r.GetInt64(10),
        ArrayIndex = r.IsDBNull(11) ? null : r.GetInt32(11),
        ArrayMaxConcurrent = r.IsDBNull(12) ? null : r.GetInt32(12),
        RetryCount = r.GetInt32(13),
        MaxRetries = r.GetInt32(14),
        State = Enum.Parse<JobState>(r.GetString(15)),
        GpuIds = DecodeInts(r.GetString(16)),
        PassedOver = r.GetInt32(17),
        SubmittedAt = FromMs(r.GetInt64(18)),
        StartedAt = r.IsDBNull(19) ? null : FromMs(r.GetInt64(19)),
        EndedAt = r.IsDBNull(20) ? null : FromMs(r.GetInt64(20)),
        Reason = r.GetString(21),
    };

    /// <summary>Encodes dependencies as <c>ok:12,any:13</c>.</summary>
    /// <param name="dependencies">The dependencies.</param>
    /// <returns>The text.</returns>
    public static string EncodeDependencies(IReadOnlyList<JobDependency> dependencies) =>
        string.Join(',', dependencies.Select(d =>
            (d.Kind == DependencyKind.AfterOk ? "ok:" : "any:") + d.JobId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Encodes GPU ids as <c>0,1</c>.</summary>
    /// <param name="values">The ids.</param>
    /// <returns>The text.</returns>
    public static string EncodeInts(IEnumerable<int> values) =>
        string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A time as Unix milliseconds.</summary>
    /// <param name="time">The time.</param>
    /// <returns>Milliseconds since the epoch.</returns>
    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>Unix milliseconds as a time.</summary>
    /// <param name="ms">Milliseconds since the epoch.</param>
    /// <returns>The time (UTC).</returns>
    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static JobDependency[] DecodeDependencies(string text) =>
        text.Length == 0
            ? []
            : [.. text.Split(',').Select(part =>
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var kind = part[..colon] == "ok" ? DependencyKind.AfterOk : DependencyKind.AfterAny;
                return new JobDependency(long.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture), kind);
            })];

    private static int[] DecodeInts(string text) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
