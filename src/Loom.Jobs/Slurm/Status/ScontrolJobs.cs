namespace Loom.Jobs.Slurm;

/// <summary>
/// Reads the output of <c>scontrol show job ID</c>: one record per job, het component or array task, each
/// starting with <c>JobId=</c> and made of <c>Key=Value</c> tokens over several indented lines, records
/// separated by a blank line. An array's pending tasks share one record whose <c>ArrayTaskId</c> is a range
/// (<c>0-3%1</c>); a het job shows one record per component with <c>HetJobId=</c> and <c>HetJobOffset=</c>.
/// </summary>
public static class ScontrolJobs
{
    /// <summary>The message scontrol writes to stderr for a job it does not know, or no longer knows.</summary>
    public const string InvalidJobIdMessage = "Invalid job id specified";

    /// <summary>Parses the job records.</summary>
    /// <param name="text">What <c>scontrol show job</c> wrote to stdout.</param>
    /// <returns>The records in the order scontrol printed them; none for <c>No jobs in the system</c>.</returns>
    /// <exception cref="FormatException">A record lacks <c>JobId</c> or <c>JobState</c>, or a value is malformed.</exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string text) => Parse(text, null, skipMalformed: false);

    /// <summary>
    /// Parses the records of some jobs only. <c>scontrol show job</c> lists every user's jobs, so a record is first
    /// matched by its <c>JobId=</c>, <c>ArrayJobId=</c> or <c>HetJobId=</c> (a job name that holds such text does
    /// not count) and only the records of the wanted jobs are read further.
    /// </summary>
    /// <param name="text">What <c>scontrol show job</c> wrote to stdout.</param>
    /// <param name="jobIds">The jobs wanted (a job id, an array's or a het job's id), or null for every job.</param>
    /// <param name="skipMalformed">Whether a malformed record of a wanted job is skipped rather than an error.</param>
    /// <returns>The wanted jobs' records in the order scontrol printed them.</returns>
    /// <exception cref="FormatException">
    /// <paramref name="skipMalformed"/> is false and a wanted job's record lacks <c>JobState</c> or has a
    /// malformed value (or, when every job is wanted, text stands outside a record). Records of other jobs never throw.
    /// </exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string text, IReadOnlySet<long>? jobIds, bool skipMalformed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var jobs = new List<SlurmJobInfo>();
        foreach (var record in Records(text, strict: jobIds is null && !skipMalformed))
        {
            var values = KeyValues(record);
            if (jobIds is not null && !SlurmKeyValues.IsOf(values, jobIds))
            {
                continue;
            }

            try
            {
                jobs.Add(ParseRecord(values));
            }
            catch (FormatException) when (skipMalformed)
            {
            }
        }

        return jobs;
    }

    /// <summary>Whether scontrol's stderr says the job id is unknown to it (never existed, or ended longer ago than MinJobAge).</summary>
    /// <param name="stderr">What <c>scontrol show job</c> wrote to stderr, such as <c>slurm_load_jobs error: Invalid job id specified</c>.</param>
    /// <returns>True for that error.</returns>
    public static bool IsInvalidJobId(string stderr) =>
        stderr is not null && stderr.Contains(InvalidJobIdMessage, StringComparison.OrdinalIgnoreCase);

    private static List<string> Records(string text, bool strict)
    {
        var records = new List<string>();
        var current = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("JobId=", StringComparison.Ordinal))
            {
                Flush(records, current);
            }
            else if (trimmed.Length == 0)
            {
                Flush(records, current);
                continue;
            }
            else if (current.Count == 0)
            {
                if (trimmed == "No jobs in the system" || !strict)
                {
                    continue;
                }

                throw new FormatException($"scontrol show job output, line {lineNumber}: '{Clip(trimmed)}' is not inside a record starting with JobId=.");
            }

            current.Add(line);
        }

        Flush(records, current);
        return records;
    }

    private static void Flush(List<string> records, List<string> current)
    {
        if (current.Count > 0)
        {
            records.Add(string.Join('\n', current));
            current.Clear();
        }
    }

    /// <summary>
    /// A record's values: the name runs to the end of its line (in the one-line form, to the last <c>HetJobIdSet=</c> or <c>UserId=</c>, whichever comes first),
    /// later fields take their first occurrence, since the record ends with user text (<c>Command=</c>, <c>WorkDir=</c>).
    /// </summary>
    private static Dictionary<string, string> KeyValues(string record) =>
        SlurmKeyValues.Parse(record, "JobName", ["HetJobIdSet", "UserId"], SlurmKeyValues.Repeats.FirstWins);

    private static SlurmJobInfo ParseRecord(Dictionary<string, string> values)
    {
        var jobId = SlurmValues.Long(SlurmKeyValues.Required(values, "JobId", "A scontrol job record"), "JobId");
        var where = $"scontrol job record {jobId}";
        var draft = SlurmRecordFields.Read(values, jobId, "JobName", where);
        draft.Reason = SlurmKeyValues.Optional(values, "Reason") ?? "";
        if (SlurmKeyValues.Optional(values, "Restarts") is { } restarts)
        {
            draft.RestartCount = SlurmValues.Int(restarts, $"{where}: Restarts");
        }

        return draft.ToInfo();
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
