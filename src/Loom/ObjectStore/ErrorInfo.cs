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
    string? ActorName = null,
    int Attempts = 1,
    ObjectId? LostObject = null)
{
    /// <summary>The error for an object whose spilled copy could not be read and that cannot be made again.</summary>
    public static ErrorInfo Lost(ObjectEntry entry, string reason, bool reconstructionTried)
    {
        var message = entry.IsPut
            ? $"Object {entry.Id} was lost: it was created with Put and spilled to disk, and its spill file can no longer be read ({reason}). A put object cannot be reconstructed; put the value again."
            : reconstructionTried
                ? $"Object {entry.Id}, the result of '{entry.Producer}', was lost: its spill file can no longer be read ({reason}), and it could not be reconstructed."
                : $"Object {entry.Id}, the result of '{entry.Producer}', was lost: its spill file can no longer be read ({reason}), and nothing can reconstruct it.";
        return new ErrorInfo(ErrorKind.ObjectLost, entry.Producer, typeof(ObjectLostException).FullName!, message, null, LostObject: entry.Id);
    }

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

    /// <summary>How many argument failures a cause chain keeps before it links straight to the root failure.</summary>
    public const int MaxCauseDepth = 16;

    /// <summary>
    /// This error as a cause for one more dependent failure: itself while the chain is short, else the
    /// root failure, so errors down a long chain of tasks stay small and readable.
    /// </summary>
    public ErrorInfo Shortened()
    {
        var depth = 0;
        var root = this;
        while (root.Cause is not null)
        {
            root = root.Cause;
            depth++;
        }

        return depth < MaxCauseDepth ? this : root;
    }

    /// <summary>A new exception for one getter, with the cause chain rebuilt as inner exceptions.</summary>
    public Exception ToException() => Kind switch
    {
        ErrorKind.ActorDied => new ActorDiedException(this),
        ErrorKind.Cancelled => new TaskCancelledException(this),
        ErrorKind.WorkerCrashed => new WorkerCrashedException(this),
        ErrorKind.ObjectLost => new ObjectLostException(this),
        ErrorKind.ObjectStoreFull or ErrorKind.Shutdown => new LoomException(this),
        _ => new TaskFailedException(this),
    };
}
