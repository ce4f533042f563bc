namespace Loom.Jobs.Slurm;

/// <summary>
/// Reads <c>sacct --parsable2 -j ID --format=</c><see cref="Format"/>: lines of <c>|</c>-separated fields, the
/// first line the header naming them (the parser finds the columns by name, so extra or reordered fields are
/// fine; without a header it takes the fields in <see cref="Format"/>'s order). Steps (<c>123.batch</c>,
/// <c>123.0</c>) are skipped; an array task's <c>JobID</c> is <c>123_4</c> and its <c>JobIDRaw</c> its own id, a
/// het component's <c>123+1</c>. sacct needs slurmdbd; with only a job-completion log, <c>sacct -c</c> reads
/// that log in the same format, but writes raw ids only (no <c>_task</c> or <c>+offset</c>) and the start time
/// as the submit time.
/// </summary>
public static class SacctOutput
{
    /// <summary>The fields to ask for with <c>--format</c>; every one is known to sacct 22.05.</summary>
    public const string Format = "JobID,JobIDRaw,JobName,State,ExitCode,Reason,Submit,Start,End,NodeList,User,Partition";

    private static readonly string[] FormatFields = Format.Split(',');

    private static readonly string[] RequiredFields = ["JobID", "State"];

    /// <summary>Parses the job lines.</summary>
    /// <param name="text">What <c>sacct --parsable2 --format=…</c> wrote to stdout, header first.</param>
    /// <returns>One record per job, het component or array task (an array's pending tasks share one, with a null <see cref="SlurmJobInfo.ArrayTaskId"/>); steps are left out.</returns>
    /// <exception cref="FormatException">The header lacks JobID or State, a line has the wrong number of fields, or a value is malformed.</exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var jobs = new List<SlurmJobInfo>();
        Dictionary<string, int>? columns = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('|');
            if (columns is null)
            {
                var isHeader = fields.Any(field => field.Trim().Equals("JobID", StringComparison.OrdinalIgnoreCase));
                columns = Columns(isHeader ? fields : FormatFields);
                if (isHeader)
                {
                    continue;
                }
            }

            if (fields.Length != columns.Count)
            {
                throw new FormatException($"sacct output line {i + 1} has {fields.Length} fields where the header has {columns.Count}: '{lines[i]}'.");
            }

            if (ParseLine(fields, columns, $"sacct output line {i + 1}") is { } job)
            {
                jobs.Add(job);
            }
        }

        return jobs;
    }

    private static Dictionary<string, int> Columns(string[] names)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        foreach (var required in RequiredFields)
        {
            if (!columns.ContainsKey(required))
            {
                throw new FormatException($"sacct output's header '{string.Join('|', names)}' has no {required} field; ask for --format={Format}.");
            }
        }

        return columns;
    }

    private static SlurmJobInfo? ParseLine(string[] fields, Dictionary<string, int> columns, string where)
    {
        string? Field(string name) => columns.TryGetValue(name, out var index) ? fields[index] : null;

        if (SacctJobId.Parse(Field("JobID")!, where) is not { } id)
        {
            return null;
        }

        var raw = Field("JobIDRaw");
        var jobId = raw is null || raw.Trim().Length == 0
            ? id.BaseJobId
            : SlurmValues.Long(raw.Split('.')[0], $"{where}: JobIDRaw");
        var draft = new SlurmJobDraft
        {
            JobId = jobId,
            BaseJobId = id.BaseJobId,
            ArrayTaskId = id.ArrayTaskId,
            HetJobOffset = id.HetJobOffset,
            Name = Field("JobName") ?? "",
            State = Field("State")!,
            Reason = Field("Reason") ?? "",
            NodeList = SlurmValues.Text(Field("NodeList")),
            User = SlurmValues.User(Field("User")),
            Partition = SlurmValues.Text(Field("Partition")),
            SubmitTime = SlurmTimes.Parse(Field("Submit"), $"{where}: Submit"),
            StartTime = SlurmTimes.Parse(Field("Start"), $"{where}: Start"),
            EndTime = SlurmTimes.Parse(Field("End"), $"{where}: End"),
        };
        (draft.ExitCode, draft.Signal) = SlurmExitStatus.ParsePair(Field("ExitCode"), $"{where}: ExitCode");
        if (draft.State.Trim().Length == 0)
        {
            throw new FormatException($"{where} has an empty State.");
        }

        return draft.ToInfo();
    }
}
