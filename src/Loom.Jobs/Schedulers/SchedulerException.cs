namespace Loom.Jobs.Schedulers;

/// <summary>
/// A scheduler could not do what was asked: its tools are missing or unreachable, it rejected the
/// request (the message says why and how to fix it), or the handle names no job it knows.
/// </summary>
public sealed class SchedulerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchedulerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public SchedulerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public SchedulerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the request itself was wrong (bad options, a request no partition can hold), rather than the scheduler failing.</summary>
    public bool IsUsageError { get; init; }
}
