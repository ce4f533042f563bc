using Microsoft.Extensions.Logging;

namespace Loom.Worker;

/// <content>Log messages of worker processes and isolated actors.</content>
internal sealed partial class CoreRuntime
{
    internal static partial class Log
    {
        [LoggerMessage(20, LogLevel.Warning, "Actor {Actor} ({ActorId}) is restarting (restart {Restart} of {MaxRestarts}, -1 is unlimited): {Reason}")]
        public static partial void ActorRestarting(ILogger logger, string actor, ActorId actorId, int restart, int maxRestarts, string reason);
    }
}
