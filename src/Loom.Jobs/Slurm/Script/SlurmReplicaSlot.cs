namespace Loom.Jobs.Slurm.Script;

/// <summary>Where one replica runs in a Slurm job.</summary>
/// <param name="Role">The role.</param>
/// <param name="ReplicaId">The replica's index within its role.</param>
/// <param name="Rank">The replica's rank within the app.</param>
/// <param name="HetGroup">The heterogeneous-job group (component) that runs it; 0 for a plain job.</param>
internal sealed record SlurmReplicaSlot(string Role, int ReplicaId, int Rank, int HetGroup);
