using System.Globalization;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Local;

/// <summary>Expands an app into one launch per replica: macros substituted, ranks numbered, environment built.</summary>
internal static class ReplicaPlan
{
    /// <summary>The launches of every replica of every role, in rank order.</summary>
    /// <param name="app">The app.</param>
    /// <param name="options">Where and how it runs.</param>
    /// <param name="masterPort">The rendezvous port.</param>
    /// <returns>The launches.</returns>
    public static IReadOnlyList<ReplicaLaunch> For(AppDef app, AppRunOptions options, int masterPort)
    {
        var culture = CultureInfo.InvariantCulture;
        var worldSize = app.Roles.Sum(r => r.NumReplicas);
        var checkpoints = Path.Combine(options.JobDirectory, "checkpoints");
        var launches = new List<ReplicaLaunch>(worldSize);
        var rank = 0;
        foreach (var role in app.Roles)
        {
            for (var replica = 0; replica < role.NumReplicas; replica++, rank++)
            {
                var macros = new MacroValues(options.AppId, replica.ToString(culture), ReplicaEnvironment.MasterAddr, role.Image);
                var applied = macros.Apply(role);
                var gpus = rank < options.GpuIdsByRank.Count ? options.GpuIdsByRank[rank] : [];

                // The role's own variables first; Loom's come last so that RANK, WORLD_SIZE and the GPUs stay right.
                var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
                foreach (var (name, value) in applied.Env)
                {
                    env[name] = value;
                }

                env[ReplicaEnvironment.AppId] = options.AppId;
                env[ReplicaEnvironment.RoleName] = role.Name;
                env[ReplicaEnvironment.ReplicaId] = replica.ToString(culture);
                env[ReplicaEnvironment.Rank] = rank.ToString(culture);
                env[ReplicaEnvironment.LocalRank] = rank.ToString(culture);
                env[ReplicaEnvironment.WorldSize] = worldSize.ToString(culture);
                env[ReplicaEnvironment.MasterAddr] = options.MasterAddress;
                env[ReplicaEnvironment.MasterPort] = masterPort.ToString(culture);
                env[ReplicaEnvironment.CudaVisibleDevices] = string.Join(',', gpus.Select(g => g.ToString(culture)));
                env[ReplicaEnvironment.CheckpointDir] = checkpoints;

                var directory = Path.Combine(options.JobDirectory, role.Name, replica.ToString(culture));
                launches.Add(new ReplicaLaunch(role.Name, replica, rank, applied.Entrypoint, applied.Args, env, directory));
            }
        }

        return launches;
    }
}
