namespace Loom.Jobs.Slurm;

/// <summary>
/// The fields of one job as a parser read them, before the rules every source shares turn them into a
/// <see cref="SlurmJobInfo"/>: Slurm fills a start time for pending jobs (its estimate), an end time for running
/// ones (start plus time limit) and an exit code of 0 before the end, none of which has happened yet.
/// </summary>
internal sealed class SlurmJobDraft
{
    public long JobId { get; set; }

    public long? BaseJobId { get; set; }

    public int? ArrayTaskId { get; set; }

    public int? HetJobOffset { get; set; }

    public string Name { get; set; } = "";

    public string State { get; set; } = "";

    public string Reason { get; set; } = "";

    public int? ExitCode { get; set; }

    public int? Signal { get; set; }

    public string NodeList { get; set; } = "";

    public string User { get; set; } = "";

    public string Partition { get; set; } = "";

    public DateTimeOffset? SubmitTime { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public int RestartCount { get; set; }

    /// <summary>
    /// The record: the start time only once it ran on nodes (not while pending, not when cancelled before it
    /// started), the end time and exit status only once it ended.
    /// </summary>
    public SlurmJobInfo ToInfo()
    {
        var state = SlurmStates.Normalize(State);
        var ended = IsEnded(state);
        var started = state != "PENDING" && NodeList.Length > 0;
        return new SlurmJobInfo
        {
            JobId = JobId,
            BaseJobId = BaseJobId ?? JobId,
            ArrayTaskId = ArrayTaskId,
            HetJobOffset = HetJobOffset,
            Name = Name,
            State = state,
            Reason = SlurmValues.Reason(Reason),
            ExitCode = ended ? ExitCode : null,
            Signal = ended ? Signal : null,
            NodeList = NodeList,
            User = User,
            Partition = Partition,
            SubmitTime = SubmitTime,
            StartTime = started ? StartTime : null,
            EndTime = ended ? EndTime : null,
            RestartCount = RestartCount,
        };
    }

    private static bool IsEnded(string state)
    {
        try
        {
            return SlurmStates.IsEnded(state);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
