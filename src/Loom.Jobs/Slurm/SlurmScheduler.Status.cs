using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Records;
using Loom.Jobs.Slurm.Tracking;

namespace Loom.Jobs.Slurm;

public sealed partial class SlurmScheduler
{
    /// <summary>
    /// The current state of a job, from <c>squeue</c>, else <c>scontrol show job</c>, the job-completion log or
    /// <c>sacct</c>. A job's state combines its heterogeneous-job components; an array's handle combines its tasks
    /// (succeeded only when all did). While queued, the reason says why Slurm keeps it waiting.
    /// </summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public async Task<JobView> GetAsync(string handle, CancellationToken cancellationToken = default)
    {
        var (parsed, record) = Resolve(handle);
        var infos = await _lookup.FindAsync(parsed.JobId, cancellationToken);
        if (infos.Count == 0 && record is null)
        {
            throw new SchedulerException(
                $"Slurm knows no job {parsed.SlurmId} (neither squeue, scontrol, the job-completion log nor sacct report it), " +
                $"and Loom has no record of it in {_paths.Jobs}.");
        }

        var cluster = record?.Cluster ?? await _config.ClusterNameAsync(cancellationToken);
        return SlurmJobViews.Build(cluster, parsed.JobId, parsed.ArrayIndex, record, infos);
    }

    /// <summary>
    /// A job with its app and a history. Slurm keeps no log of a job's transitions: the history is made from what
    /// it reports now (submitted, started, ended with its state and reason), so the attempts before a requeue do
    /// not show.
    /// </summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The description.</returns>
    public async Task<JobDescription> DescribeAsync(string handle, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(handle, cancellationToken);
        var record = _store.TryRead(job.Id);
        var history = new List<TransitionView> { new(job.SubmittedAt, null, JobState.Queued, "submitted to Slurm") };
        if (job.StartedAt is { } started)
        {
            history.Add(new TransitionView(started, JobState.Queued, JobState.Running,
                job.RetryCount > 0 ? $"started (after {job.RetryCount.ToString(CultureInfo.InvariantCulture)} requeue(s))" : "started"));
        }

        if (SlurmAppState.IsEnded(job.State))
        {
            var from = job.StartedAt is null ? JobState.Queued : JobState.Running;
            history.Add(new TransitionView(job.EndedAt ?? job.StartedAt ?? job.SubmittedAt, from, job.State, job.Reason));
        }

        return new JobDescription(job, record?.App, history);
    }

    /// <summary>
    /// The user's jobs, newest first: those <c>squeue</c> reports (the queue and recently ended jobs) and those
    /// Loom recorded under <c>$LOOM_HOME/slurm/jobs</c>. An array is one entry. Only the records of those jobs are
    /// read: another user's job, or one Slurm reports in a form Loom cannot read, is left out rather than an error.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The jobs.</returns>
    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var known = (await _lookup.QueueAsync(cancellationToken)).ToList();
        var recorded = _store.Ids().ToHashSet();
        if (recorded.Any(id => known.All(i => i.BaseJobId != id)))
        {
            var seen = known.Select(i => i.BaseJobId).ToHashSet();
            known.AddRange((await _lookup.ControllerAsync(recorded, cancellationToken)).Where(i => recorded.Contains(i.BaseJobId) && !seen.Contains(i.BaseJobId)));
        }

        if (recorded.Any(id => known.All(i => i.BaseJobId != id)))
        {
            var seen = known.Select(i => i.BaseJobId).ToHashSet();
            known.AddRange((await _lookup.EndedAsync(recorded, skipMalformed: true, cancellationToken))
                .Where(i => recorded.Contains(i.BaseJobId) && !seen.Contains(i.BaseJobId))
                .GroupBy(i => i.JobId).Select(g => g.Last()));
        }

        var cluster = await _config.ClusterNameAsync(cancellationToken);
        var byJob = known.GroupBy(i => i.BaseJobId).ToDictionary(g => g.Key, g => (IReadOnlyList<SlurmJobInfo>)g.ToList());
        return byJob.Keys.Union(recorded)
            .Select(id =>
            {
                var record = _store.TryRead(id);
                return SlurmJobViews.Build(record?.Cluster ?? cluster, id, null, record, byJob.GetValueOrDefault(id) ?? []);
            })
            .OrderByDescending(j => j.SubmittedAt)
            .ThenByDescending(j => j.Id)
            .ToList();
    }

    private (SlurmHandle Handle, SlurmJobRecord? Record) Resolve(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var parsed = SlurmHandle.Parse(handle);
        var record = _store.TryRead(parsed.JobId);
        if (parsed.ArrayIndex is { } index && record is not null && record.ArrayIndexes?.Contains(index) != true)
        {
            throw new SchedulerException(record.ArrayIndexes is null
                ? $"Job {parsed.JobId.ToString(CultureInfo.InvariantCulture)} is not an array: use slurm://{record.Cluster}/{parsed.JobId.ToString(CultureInfo.InvariantCulture)}."
                : $"Array {parsed.JobId.ToString(CultureInfo.InvariantCulture)} has no task {index.ToString(CultureInfo.InvariantCulture)}; its indexes are {record.Array}.")
            {
                IsUsageError = true,
            };
        }

        return (parsed, record);
    }
}
