namespace Loom;

/// <summary>A placement group was not created within the timeout; it stays queued until created or removed.</summary>
public sealed class PlacementGroupTimeoutException : TimeoutException
{
    /// <summary>Creates the error for a group that waited <paramref name="timeout"/>.</summary>
    /// <param name="group">The group's name or id.</param>
    /// <param name="timeout">The timeout that ran out.</param>
    /// <param name="request">Its bundles, as text.</param>
    public PlacementGroupTimeoutException(string group, TimeSpan timeout, string request)
        : base($"Placement group '{group}' was not ready after {timeout}: its bundles [{request}] do not fit in the resources free now. It stays queued; wait longer, free resources, or remove it with RemoveAsync.")
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
