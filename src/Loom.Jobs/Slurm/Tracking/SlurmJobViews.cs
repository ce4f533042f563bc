using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Slurm.Records;
using Loom.Jobs.Slurm.Script;

namespace Loom.Jobs.Slurm.Tracking;

/// <summary>Builds Loom's view of a Slurm job from Loom's record of it and what Slurm reports.</summary>
internal static class SlurmJobViews
{
    /// <summary>The view of a job, of one array task (<paramref name="arrayIndex"/>), or of a whole array (every task aggregated).</summary>
    /// <remarks>
    /// A record in a state this Loom version does not know (one a later Slurm adds) makes the view
    /// <see cref="JobState.Failed"/>, its reason naming the state: taking it for queued would keep a wait loop
    /// spinning forever, and an error would break <c>loom list</c> and <c>loom status</c> for every other job.
    /// </remarks>
    /// <param name="cluster">The cluster's name.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="arrayIndex">The array task, or null for the whole job.</param>
    /// <param name="record">Loom's record, or null for a job Loom did not submit.</param>
    /// <param name="infos">Every Slurm record of the job.</param>
    public static JobView Build(string cluster, long jobId, int? arrayIndex, SlurmJobRecord? record, IReadOnlyList<SlurmJobInfo> infos)
    {
        var culture = CultureInfo.InvariantCulture;
        var mine = arrayIndex is { } index ? TaskRecords(infos, index) : infos;
        var slurmStates = mine.Select(i => ToLoom(i.State)).ToList();
        var unknown = mine.Select(i => i.State).Where(s => !SlurmStates.TryToLoom(s, out _)).Distinct(StringComparer.Ordinal).ToList();
        var key = SlurmLogPaths.Key(jobId, arrayIndex ?? FirstIndex(record));
        var replicas = Replicas(record, key);
        var state = unknown.Count > 0 ? JobState.Failed
            : mine.Count > 0 ? SlurmAppState.Combine(slurmStates)
            : FromExitFiles(replicas);
        var name = record?.App.Name ?? (infos.Count > 0 ? infos[0].Name : null) ?? "";
        var app = record?.App;
        var slots = record?.Layout ?? [];
        var resources = slots.Select(s => app!.Roles.First(r => r.Name == s.Role).Resource).ToList();
        var started = mine.Where(i => ToLoom(i.State) != JobState.Queued).Select(i => i.StartTime).Where(t => t is not null).Min();
        var ended = SlurmAppState.IsEnded(state) ? mine.Select(i => i.EndTime).Where(t => t is not null).Max() : null;
        return new JobView
        {
            Id = jobId,
            AppId = $"{name}-{SlurmLogPaths.Key(jobId, arrayIndex)}",
            Handle = new SlurmHandle(cluster, jobId, arrayIndex).ToString(),
            Name = name,
            User = record?.User is { Length: > 0 } user ? user : (infos.Count > 0 ? infos[0].User : null) ?? "",
            State = state,
            Reason = unknown.Count > 0 ? UnknownStateReason(unknown) : Reason(state, mine, replicas, infos.Count == 0, jobId),
            Priority = app?.Priority ?? 0,
            Preemptible = app?.Preemptible ?? false,
            Gpus = resources.Sum(r => r.Gpu),
            Cpus = resources.Sum(r => Math.Max(1, r.Cpu)),
            MemoryMb = resources.Sum(r => (long)r.MemMB),
            RetryCount = mine.Count == 0 ? 0 : mine.Max(i => i.RestartCount),
            MaxRetries = record?.MaxRetries ?? 0,
            ArrayParentId = arrayIndex is null ? null : jobId,
            ArrayIndex = arrayIndex,
            SubmittedAt = record?.SubmittedAt ?? mine.Select(i => i.SubmitTime).Where(t => t is not null).Min() ?? default,
            StartedAt = started,
            EndedAt = ended,
            Directory = record is null ? "" : record.Array is not null && arrayIndex is null
                ? record.JobDir
                : SlurmLogPaths.JobFolder(record.JobDir, key),
            SchedulerJobIds = mine.Select(SchedulerId).Distinct().ToList(),
            Replicas = replicas,
        };
    }

    /// <summary>The first index of an array, or null for a job that is not one.</summary>
    public static int? FirstIndex(SlurmJobRecord? record) => record?.ArrayIndexes is { Count: > 0 } indexes ? indexes[0] : null;

    /// <summary>An array task's records: its own once it started, else the array's pending record.</summary>
    public static IReadOnlyList<SlurmJobInfo> TaskRecords(IReadOnlyList<SlurmJobInfo> infos, int index)
    {
        var own = infos.Where(i => i.ArrayTaskId == index).ToList();
        return own.Count > 0 ? own : infos.Where(i => i.ArrayTaskId is null).ToList();
    }

    private static List<ReplicaView> Replicas(SlurmJobRecord? record, string key) => record is null
        ? []
        : record.Layout.Select(s => new ReplicaView(s.Role, s.ReplicaId, s.Rank, 0, record.JobDir,
            ReplicaExitFiles.Read(SlurmLogPaths.Replica(record.JobDir, key, s.Role, s.ReplicaId, "exit")))).ToList();

    private static string SchedulerId(SlurmJobInfo info) => info.ArrayTaskId is { } task
        ? $"{info.BaseJobId.ToString(CultureInfo.InvariantCulture)}_{task.ToString(CultureInfo.InvariantCulture)}"
        : info.JobId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Loom state of a Slurm state; <see cref="JobState.Failed"/> for one Loom does not know (see <see cref="Build"/>).</summary>
    private static JobState ToLoom(string slurmState) =>
        SlurmStates.TryToLoom(slurmState, out var state) ? state : JobState.Failed;

    private static string UnknownStateReason(List<string> states) =>
        $"Slurm reported state {string.Join(", ", states)}, which this Loom version does not know; " +
        "Loom reports the job as failed and no longer waits for it (check it with scontrol show job or sacct)";

    /// <summary>When Slurm no longer knows the job: what the replicas' exit files say.</summary>
    private static JobState FromExitFiles(List<ReplicaView> replicas) =>
        replicas.Count == 0 || replicas.Any(r => r.ExitCode is null) ? JobState.Failed
        : replicas.All(r => r.ExitCode == 0) ? JobState.Succeeded
        : JobState.Failed;

    private static string Reason(JobState state, IReadOnlyList<SlurmJobInfo> infos, List<ReplicaView> replicas, bool unknown, long jobId)
    {
        var culture = CultureInfo.InvariantCulture;
        if (unknown)
        {
            return replicas.Count > 0 && replicas.All(r => r.ExitCode is not null)
                ? $"Slurm no longer reports job {jobId.ToString(culture)}; the state comes from its replicas' exit files"
                : $"Slurm no longer reports job {jobId.ToString(culture)} and its replicas left no exit status (was the cluster restarted?)";
        }

        if (state == JobState.Queued)
        {
            var pending = infos.FirstOrDefault(i => i.Reason.Length > 0 && i.Reason != "None");
            return pending is null ? "" : SlurmReasons.Describe(pending.Reason);
        }

        if (!SlurmAppState.IsEnded(state) || state == JobState.Succeeded)
        {
            return "";
        }

        switch (state)
        {
            case JobState.Cancelled:
                return "cancelled";
            case JobState.Timeout:
                return "ran past its time limit";
        }

        var parts = new List<string>();
        if (state == JobState.OutOfMemory)
        {
            parts.Add("ran out of memory");
        }

        var failedReplicas = replicas.Where(r => r.ExitCode is { } code && code != 0).ToList();
        if (failedReplicas.Count > 0)
        {
            parts.Add(string.Join(", ", failedReplicas.Select(r =>
                $"replica {r.Role}/{r.ReplicaId.ToString(culture)} exited with {r.ExitCode!.Value.ToString(culture)}")));
        }

        var ended = infos.FirstOrDefault(i => ToLoom(i.State) == state) ?? (infos.Count > 0 ? infos[0] : null);
        if (ended is not null)
        {
            if (ended.ExitCode is { } exit && (exit != 0 || ended.Signal is > 0))
            {
                parts.Add(ended.Signal is > 0
                    ? $"exit code {exit.ToString(culture)}, signal {ended.Signal.Value.ToString(culture)}"
                    : $"exit code {exit.ToString(culture)}");
            }

            if (ended.Reason.Length > 0 && ended.Reason != "None" && ended.Reason != "NonZeroExitCode")
            {
                parts.Add(SlurmReasons.Describe(ended.Reason));
            }
        }

        if (parts.Count == 0)
        {
            parts.Add("failed");
        }

        return string.Join("; ", parts);
    }
}
