namespace Loom.Jobs.Queue;

/// <summary>Thrown when a job is asked to move to a state it cannot reach from its current one.</summary>
public sealed class IllegalJobTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a job and the rejected transition.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="from">Its current state.</param>
    /// <param name="to">The rejected next state.</param>
    public IllegalJobTransitionException(long jobId, JobState from, JobState to)
        : base($"Job {jobId} cannot go from {from} to {to}.")
    {
        JobId = jobId;
        From = from;
        To = to;
    }

    /// <summary>Creates the exception with a message.</summary>
    public IllegalJobTransitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public IllegalJobTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IllegalJobTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The job.</summary>
    public long JobId { get; }

    /// <summary>Its state when the transition was asked for.</summary>
    public JobState From { get; }

    /// <summary>The rejected next state.</summary>
    public JobState To { get; }
}
