namespace Loom.Worker;

/// <summary>Where a task is in its life, for the status summary.</summary>
internal enum TaskPhase
{
    WaitingForArguments,
    Resolved,
    Queued,
    Running,
    Succeeded,
    Failed,
}
