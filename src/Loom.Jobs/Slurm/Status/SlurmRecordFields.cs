namespace Loom.Jobs.Slurm;

/// <summary>
/// The fields that <c>scontrol show job</c> and the job-completion log write alike (<c>Key=Value</c>):
/// state, nodes, user, partition, times, exit status, and the array or heterogeneous job a record belongs to.
/// </summary>
internal static class SlurmRecordFields
{
    /// <summary>Reads those fields into a draft; each source adds what only it writes.</summary>
    /// <param name="values">The record's values.</param>
    /// <param name="jobId">The record's job id, already read.</param>
    /// <param name="nameKey">The key of the job's name (<c>JobName</c> in scontrol, <c>Name</c> in the log).</param>
    /// <param name="where">The record, for error messages.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="FormatException">A field is missing or malformed.</exception>
    public static SlurmJobDraft Read(Dictionary<string, string> values, long jobId, string nameKey, string where)
    {
        var draft = new SlurmJobDraft
        {
            JobId = jobId,
            Name = SlurmKeyValues.Optional(values, nameKey) ?? "",
            State = SlurmKeyValues.Required(values, "JobState", where),
            NodeList = SlurmValues.Text(SlurmKeyValues.Optional(values, "NodeList")),
            User = SlurmValues.User(SlurmKeyValues.Optional(values, "UserId")),
            Partition = SlurmValues.Text(SlurmKeyValues.Optional(values, "Partition")),
            SubmitTime = SlurmTimes.Parse(SlurmKeyValues.Optional(values, "SubmitTime"), $"{where}: SubmitTime"),
            StartTime = SlurmTimes.Parse(SlurmKeyValues.Optional(values, "StartTime"), $"{where}: StartTime"),
            EndTime = SlurmTimes.Parse(SlurmKeyValues.Optional(values, "EndTime"), $"{where}: EndTime"),
        };
        (draft.ExitCode, draft.Signal) = SlurmExitStatus.ParsePair(SlurmKeyValues.Optional(values, "ExitCode"), $"{where}: ExitCode");
        if (SlurmKeyValues.Optional(values, "ArrayJobId") is { } arrayJobId)
        {
            draft.BaseJobId = SlurmValues.Long(arrayJobId, $"{where}: ArrayJobId");
            draft.ArrayTaskId = SlurmValues.OptionalInt(SlurmKeyValues.Optional(values, "ArrayTaskId"));
        }
        else if (SlurmKeyValues.Optional(values, "HetJobId") is { } hetJobId)
        {
            draft.BaseJobId = SlurmValues.Long(hetJobId, $"{where}: HetJobId");
            draft.HetJobOffset = SlurmValues.Int(SlurmKeyValues.Required(values, "HetJobOffset", where), $"{where}: HetJobOffset");
        }

        return draft;
    }
}
