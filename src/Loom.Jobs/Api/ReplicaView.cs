namespace Loom.Jobs.Api;

/// <summary>One replica process of a job's latest attempt.</summary>
/// <param name="Role">The role.</param>
/// <param name="ReplicaId">The index within the role.</param>
/// <param name="Rank">The rank within the app.</param>
/// <param name="Pid">The process id (of the replica's shell, the parent of the entrypoint).</param>
/// <param name="Directory">The working directory, which holds <c>stdout.log</c> and <c>stderr.log</c>.</param>
/// <param name="ExitCode">The exit status once it ended, else null.</param>
public sealed record ReplicaView(string Role, int ReplicaId, int Rank, int Pid, string Directory, int? ExitCode);
