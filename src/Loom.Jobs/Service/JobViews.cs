using System.Text.Json;
using Loom.Jobs.Api;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;

namespace Loom.Jobs.Service;

/// <summary>Turns stored jobs into what the API shows.</summary>
internal static class JobViews
{
    public static JobView Of(JobRecord job, string session, string directory, IReadOnlyList<ReplicaProcessInfo> replicas) => new()
    {
        Id = job.Id,
        AppId = JobHandle.AppId(job.Name, job.Id),
        Handle = JobHandle.Format(session, job.Name, job.Id),
        Name = job.Name,
        User = job.User,
        State = job.State,
        Reason = job.Reason,
        Priority = job.Priority,
        Preemptible = job.Preemptible,
        Gpus = job.Gpus,
        Cpus = job.Cpus,
        MemoryMb = job.MemoryMb,
        GpuIds = job.GpuIds,
        RetryCount = job.RetryCount,
        MaxRetries = job.MaxRetries,
        ArrayParentId = job.ArrayParentId,
        ArrayIndex = job.ArrayIndex,
        Dependencies = job.Dependencies,
        SubmittedAt = job.SubmittedAt,
        StartedAt = job.StartedAt,
        EndedAt = job.EndedAt,
        Directory = directory,
        Replicas = [.. replicas.Select(r => new ReplicaView(
            r.Role, r.ReplicaId, r.Rank, r.Pid, r.Directory, ReattachedRun.RecordedExitCode(r)))],
    };

    public static IReadOnlyList<ReplicaProcessInfo> ReadReplicas(string text) =>
        JsonSerializer.Deserialize<List<ReplicaProcessInfo>>(text, JobsJson.Options) ?? [];

    public static string WriteReplicas(IReadOnlyList<ReplicaProcessInfo> replicas) =>
        JsonSerializer.Serialize(replicas, JobsJson.Options);
}
