using Loom.Jobs.Specs;

namespace Loom.Jobs.Service;

/// <summary>What an app needs from the node as a whole, and how a job's GPU ids are split among its replicas.</summary>
internal static class AppDemand
{
    public static int Gpus(AppDef app) => app.Roles.Sum(r => r.NumReplicas * Math.Max(0, r.Resource.Gpu));

    public static int Cpus(AppDef app) => app.Roles.Sum(r => r.NumReplicas * Math.Max(0, r.Resource.Cpu));

    public static long MemoryMb(AppDef app) => app.Roles.Sum(r => (long)r.NumReplicas * Math.Max(0, r.Resource.MemMB));

    public static int MaxRetries(AppDef app) => app.Roles.Count == 0 ? 0 : app.Roles.Max(r => r.MaxRetries);

    public static int Replicas(AppDef app) => app.Roles.Sum(r => r.NumReplicas);

    /// <summary>Each replica's GPU ids, in rank order, taken from the job's ids in turn.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> GpuIdsByRank(AppDef app, IReadOnlyList<int> gpuIds)
    {
        var byRank = new List<IReadOnlyList<int>>();
        var next = 0;
        foreach (var role in app.Roles)
        {
            for (var replica = 0; replica < role.NumReplicas; replica++)
            {
                var count = Math.Max(0, role.Resource.Gpu);
                byRank.Add([.. gpuIds.Skip(next).Take(count)]);
                next += count;
            }
        }

        return byRank;
    }
}
