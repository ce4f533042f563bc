namespace Loom.Jobs.Local;

/// <summary>A started replica's identity, as recorded so that a restarted head can find it again.</summary>
/// <param name="Role">The replica's role.</param>
/// <param name="ReplicaId">The replica's index within its role.</param>
/// <param name="Rank">The replica's rank within the app.</param>
/// <param name="Pid">The process id.</param>
/// <param name="StartTime">The process's start time in clock ticks since boot (from <c>/proc/PID/stat</c>), which tells it from a later process given the same id; null when it could not be read.</param>
/// <param name="Directory">The replica's working directory, holding <c>stdout.log</c> and <c>stderr.log</c>.</param>
public sealed record ReplicaProcessInfo(string Role, int ReplicaId, int Rank, int Pid, long? StartTime, string Directory);
