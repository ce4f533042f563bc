using Loom.Node;

namespace Loom.Scheduling;

/// <summary>
/// Where ready work is handed for scheduling: the node's <see cref="LocalScheduler"/>, or a
/// placement-group bundle (which picks its bundle's scheduler, or holds the work until the group exists).
/// </summary>
internal interface IWorkPlacement
{
    /// <summary>Schedules the work; work that can no longer run is aborted with the reason.</summary>
    void Submit(ScheduledWork work);
}
