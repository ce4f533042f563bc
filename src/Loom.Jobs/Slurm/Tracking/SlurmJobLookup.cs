using System.Globalization;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Commands;
using Loom.Jobs.Slurm.Records;

namespace Loom.Jobs.Slurm.Tracking;

/// <summary>
/// Finds what Slurm reports of a job, asking in turn: <c>squeue --json</c> (queued, running and recently ended
/// jobs), <c>scontrol show job</c>, the job-completion log, then <c>sacct</c> when the cluster keeps accounting.
/// Those list every user's jobs: only the records of the wanted jobs are read, so another user's job that Loom
/// cannot read (a name made to look like Slurm's fields, a state Slurm adds later) never gets in the way.
/// </summary>
internal sealed class SlurmJobLookup(SlurmCommands commands, SlurmClusterConfig config)
{
    /// <summary>Every record of a job (components, array tasks); empty when no source knows it.</summary>
    public async Task<IReadOnlyList<SlurmJobInfo>> FindAsync(long jobId, CancellationToken cancellationToken)
    {
        var id = jobId.ToString(CultureInfo.InvariantCulture);
        var wanted = new HashSet<long> { jobId };
        var json = await commands.SqueueJsonAsync(id, cancellationToken);
        var found = json is null ? [] : Of(Read("squeue --json", () => SqueueJson.Parse(json, wanted, skipMalformed: false)), jobId);
        if (found.Count > 0)
        {
            return found;
        }

        var text = await commands.ShowJobAsync(id, cancellationToken);
        found = text is null ? [] : Of(Read("scontrol show job", () => ScontrolJobs.Parse(text, wanted, skipMalformed: false)), jobId);
        if (found.Count > 0)
        {
            return found;
        }

        found = Of(await EndedAsync(wanted, skipMalformed: false, cancellationToken), jobId);
        if (found.Count > 0)
        {
            return found;
        }

        var sacct = await commands.SacctAsync(id, SacctOutput.Format, cancellationToken);
        return sacct is null ? [] : Of(Read("sacct", () => SacctOutput.Parse(sacct)), jobId);
    }

    /// <summary>
    /// The current user's jobs in the queue (and recently ended ones the controller still holds): <c>squeue --json
    /// --me</c>, kept to the user's jobs since 22.05 ignores <c>--me</c> with <c>--json</c>. A job Loom cannot read
    /// is left out.
    /// </summary>
    public async Task<IReadOnlyList<SlurmJobInfo>> QueueAsync(CancellationToken cancellationToken)
    {
        var json = await commands.SqueueJsonAsync(null, cancellationToken);
        return json is null ? [] : Mine(Read("squeue --json", () => SqueueJson.Parse(json, null, skipMalformed: true)), Environment.UserName);
    }

    /// <summary>The records of some jobs the controller still holds (<c>scontrol show job</c>); a record Loom cannot read is left out.</summary>
    public async Task<IReadOnlyList<SlurmJobInfo>> ControllerAsync(IReadOnlySet<long> jobIds, CancellationToken cancellationToken)
    {
        var text = await commands.ShowJobAsync(null, cancellationToken);
        return text is null ? [] : Read("scontrol show job", () => ScontrolJobs.Parse(text, jobIds, skipMalformed: true));
    }

    /// <summary>The jobs of a list that belong to a user (or name none).</summary>
    public static List<SlurmJobInfo> Mine(IEnumerable<SlurmJobInfo> infos, string user) =>
        infos.Where(i => i.User.Length == 0 || i.User == user).ToList();

    /// <summary>
    /// The lines of some jobs in the job-completion log; empty when the cluster writes none Loom can read. Lines
    /// of other jobs are never read further.
    /// </summary>
    /// <param name="jobIds">The jobs wanted.</param>
    /// <param name="skipMalformed">Whether a wanted job's line Loom cannot read is left out rather than an error.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<SlurmJobInfo>> EndedAsync(IReadOnlySet<long> jobIds, bool skipMalformed, CancellationToken cancellationToken)
    {
        if (await config.JobCompLogAsync(cancellationToken) is not { } log)
        {
            return [];
        }

        string text;
        try
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }

        return Read("the job-completion log", () => JobCompLog.Parse(text, jobIds, skipMalformed));
    }

    /// <summary>The job's records; of a record logged more than once (a requeued job), the latest.</summary>
    private static List<SlurmJobInfo> Of(IReadOnlyList<SlurmJobInfo> infos, long jobId) =>
        infos.Where(i => i.BaseJobId == jobId).GroupBy(i => i.JobId).Select(g => g.Last()).ToList();

    private static IReadOnlyList<SlurmJobInfo> Read(string source, Func<IReadOnlyList<SlurmJobInfo>> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new SchedulerException($"Could not read what {source} reported: {e.Message}", e);
        }
    }
}
