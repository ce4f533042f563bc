using Microsoft.Extensions.Logging;

namespace Loom.Jobs.Service;

/// <summary>The job service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A scheduling pass failed")]
    public static partial void SchedulingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Job {JobId} failed in the head")]
    public static partial void RunFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Re-attached job {JobId}: {Alive} replica(s) still running, {Dead} gone")]
    public static partial void Reattached(ILogger logger, long jobId, int alive, int dead);
}
