namespace Loom;

/// <summary>A get did not see its objects within the timeout; the objects stay valid.</summary>
public sealed class GetTimeoutException : TimeoutException
{
    /// <summary>Creates the error for a get that waited <paramref name="timeout"/> for <paramref name="pending"/> objects.</summary>
    public GetTimeoutException(TimeSpan timeout, int pending)
        : base($"Get timed out after {timeout} with {pending} object(s) still pending; wait longer, or use WaitAsync to take the ready ones.")
    {
        Timeout = timeout;
        PendingCount = pending;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many of the requested objects were not ready.</summary>
    public int PendingCount { get; }
}
