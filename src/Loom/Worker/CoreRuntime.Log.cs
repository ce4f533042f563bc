using Microsoft.Extensions.Logging;

namespace Loom.Worker;

/// <content>Source-generated log messages of the runtime.</content>
internal sealed partial class CoreRuntime
{
    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Loom node {Node} started: {Cpus} CPUs, {Gpus} GPUs, {Memory} bytes of memory, object store {Store} bytes")]
        public static partial void Started(ILogger logger, string node, double cpus, int gpus, long memory, long store);

        [LoggerMessage(2, LogLevel.Information, "Loom node {Node} stopped ({Succeeded} tasks succeeded, {Failed} failed)")]
        public static partial void Stopped(ILogger logger, string node, long succeeded, long failed);

        [LoggerMessage(3, LogLevel.Warning, "{Running} tasks were still running after the shutdown timeout of {Timeout}; they run on, but their results are dropped")]
        public static partial void ShutdownTimedOut(ILogger logger, long running, TimeSpan timeout);

        [LoggerMessage(4, LogLevel.Debug, "Task {Task} ({TaskId}) failed: {ExceptionType}: {Message}")]
        public static partial void TaskFailed(ILogger logger, string task, TaskId taskId, string exceptionType, string message);

        [LoggerMessage(6, LogLevel.Information, "Task {Task} ({TaskId}) failed on attempt {Attempt} and will be retried: {ExceptionType}: {Message}")]
        public static partial void TaskRetrying(ILogger logger, string task, TaskId taskId, int attempt, string exceptionType, string message);

        [LoggerMessage(7, LogLevel.Information, "Task {Task} ({TaskId}) runs again to reconstruct its lost result {ObjectId} (reconstruction {Count})")]
        public static partial void TaskReconstructing(ILogger logger, string task, TaskId taskId, ObjectId objectId, int count);

        [LoggerMessage(20, LogLevel.Warning, "Actor {Actor} ({ActorId}) is restarting (restart {Restart} of {MaxRestarts}, -1 is unlimited): {Reason}")]
        public static partial void ActorRestarting(ILogger logger, string actor, ActorId actorId, int restart, int maxRestarts, string reason);

        [LoggerMessage(5, LogLevel.Warning, "Actor {Actor} ({ActorId}) died: {Reason}")]
        public static partial void ActorDied(ILogger logger, string actor, ActorId actorId, string reason);
    }
}
