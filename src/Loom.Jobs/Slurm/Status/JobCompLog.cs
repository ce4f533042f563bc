namespace Loom.Jobs.Slurm;

/// <summary>
/// Reads Slurm's job-completion log as <c>JobCompType=jobcomp/filetxt</c> writes it (the file at
/// <c>JobCompLoc</c> in <c>scontrol show config</c>): one line of <c>Key=Value</c> tokens per job, het component
/// or array task, written when it ends. Array tasks carry <c>ArrayJobId=</c> and <c>ArrayTaskId=</c>, het components
/// <c>HetJobId=</c> and <c>HetJobOffset=</c>; the line has no reason and no restart count. A job that is requeued
/// gets a line each time (the requeue's line says <c>JobState=PENDING</c>), so one JobId may appear several times.
/// </summary>
public static class JobCompLog
{
    /// <summary>Parses the log's lines.</summary>
    /// <param name="text">The log, or any run of its lines.</param>
    /// <returns>One record per line, in file order, repeats kept: the last one of a JobId is its latest.</returns>
    /// <exception cref="FormatException">A line does not start with <c>JobId=</c>, lacks <c>JobState</c>, or has a malformed value.</exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string text) => Parse(text, null, skipMalformed: false);

    /// <summary>
    /// Parses the lines of some jobs only. The log holds every user's jobs, so a line is first matched by its
    /// <c>JobId=</c>, <c>ArrayJobId=</c> or <c>HetJobId=</c> (a job name that holds such text does not count) and
    /// only the lines of the wanted jobs are read further.
    /// </summary>
    /// <param name="text">The log, or any run of its lines.</param>
    /// <param name="jobIds">The jobs wanted (a job id, an array's or a het job's id), or null for every job.</param>
    /// <param name="skipMalformed">Whether a malformed line of a wanted job is skipped rather than an error.</param>
    /// <returns>The wanted jobs' records, in file order, repeats kept.</returns>
    /// <exception cref="FormatException">
    /// <paramref name="skipMalformed"/> is false and a wanted job's line lacks <c>JobState</c> or has a malformed
    /// value (or, when every job is wanted, a line does not start with <c>JobId=</c>). Lines of other jobs never throw.
    /// </exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string text, IReadOnlySet<long>? jobIds, bool skipMalformed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var jobs = new List<SlurmJobInfo>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("JobId=", StringComparison.Ordinal))
            {
                if (jobIds is not null || skipMalformed)
                {
                    continue;
                }

                throw new FormatException($"Job-completion log line {lineNumber} does not start with JobId=: '{(line.Length <= 80 ? line : line[..80] + "…")}'.");
            }

            var values = KeyValues(line);
            if (jobIds is not null && !SlurmKeyValues.IsOf(values, jobIds))
            {
                continue;
            }

            try
            {
                jobs.Add(ParseLine(values, lineNumber));
            }
            catch (FormatException) when (skipMalformed)
            {
            }
        }

        return jobs;
    }

    /// <summary>A line's values: the name runs to the last <c>JobState=</c> (Slurm writes it next), later fields take their last occurrence.</summary>
    private static Dictionary<string, string> KeyValues(string line) =>
        SlurmKeyValues.Parse(line, "Name", ["JobState"], SlurmKeyValues.Repeats.LastWins);

    private static SlurmJobInfo ParseLine(Dictionary<string, string> values, int lineNumber)
    {
        var where = $"Job-completion log line {lineNumber}";
        var jobId = SlurmValues.Long(SlurmKeyValues.Required(values, "JobId", where), $"{where}: JobId");
        return SlurmRecordFields.Read(values, jobId, "Name", where).ToInfo();
    }
}
