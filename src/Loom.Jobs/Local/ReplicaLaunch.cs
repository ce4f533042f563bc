namespace Loom.Jobs.Local;

/// <summary>Everything needed to start one replica, after macro substitution.</summary>
/// <param name="Role">The role's name.</param>
/// <param name="ReplicaId">The replica's index within its role.</param>
/// <param name="Rank">The replica's rank within the app.</param>
/// <param name="Entrypoint">The program.</param>
/// <param name="Args">Its arguments.</param>
/// <param name="Environment">The variables set for it, on top of the head's own.</param>
/// <param name="Directory">Its working directory.</param>
internal sealed record ReplicaLaunch(
    string Role,
    int ReplicaId,
    int Rank,
    string Entrypoint,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string Directory);
