namespace Loom.Jobs.Local;

/// <summary>How one replica's process ended.</summary>
/// <param name="Role">The replica's role.</param>
/// <param name="ReplicaId">The replica's index within its role.</param>
/// <param name="Rank">The replica's rank within the app.</param>
/// <param name="Pid">The process id it ran as.</param>
/// <param name="ExitCode">The exit status; for a process ended by a signal, 128 plus the signal, as shells report it.</param>
/// <param name="Signal">The signal that ended it, or null when it exited by itself.</param>
public sealed record ReplicaExit(string Role, int ReplicaId, int Rank, int Pid, int ExitCode, int? Signal)
{
    /// <summary>Whether the replica exited with status zero.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The replica's name, <c>ROLE/REPLICA</c>.</summary>
    public string Name => $"{Role}/{ReplicaId}";

    /// <summary>How it ended, in words: "exited with code 3" or "was killed by signal 9".</summary>
    public string Describe() => Signal is { } signal ? $"was killed by signal {signal}" : $"exited with code {ExitCode}";
}
