namespace Loom;

/// <summary>A task or actor's scheduling strategy cannot be honoured (a hard affinity to an unknown node).</summary>
public sealed class TaskUnschedulableException : LoomException
{
    /// <summary>Creates the error with a message saying what cannot be honoured and what to do.</summary>
    /// <param name="message">The message.</param>
    public TaskUnschedulableException(string message)
        : base(message)
    {
    }
}
