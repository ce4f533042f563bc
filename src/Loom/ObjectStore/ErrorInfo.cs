namespace Loom.ObjectStore;

/// <summary>
/// A failure stored in place of an object: serializable, so it reads the same on every node, and
/// turned into a fresh exception for each getter.
/// </summary>
internal sealed record ErrorInfo(
    ErrorKind Kind,
    string TaskName,
    string ExceptionType,
    string Message,
    string? StackTrace,
    ErrorInfo? Cause = null,
    string? ActorName = null)
{
    public static ErrorInfo FromException(string taskName, Exception exception) =>
        exception switch
        {
            LoomException loom when loom.Error is not null => loom.Error with { },
            _ => new ErrorInfo(
                ErrorKind.TaskError,
                taskName,
                exception.GetType().FullName ?? exception.GetType().Name,
                exception.Message,
                exception.StackTrace,
                exception.InnerException is null ? null : FromException(taskName, exception.InnerException)),
        };

    /// <summary>A new exception for one getter, with the cause chain rebuilt as inner exceptions.</summary>
    public Exception ToException() => Kind switch
    {
        ErrorKind.ActorDied => new ActorDiedException(this),
        ErrorKind.ObjectStoreFull or ErrorKind.Serialization or ErrorKind.Shutdown => new LoomException(this),
        _ => new TaskFailedException(this),
    };
}
