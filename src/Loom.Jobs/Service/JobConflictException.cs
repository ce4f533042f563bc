namespace Loom.Jobs.Service;

/// <summary>An action does not fit the job's state (for example halting a job that already ended).</summary>
public sealed class JobConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the job's state is and what the user can do instead.</param>
    public JobConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the job's state is and what the user can do instead.</param>
    /// <param name="innerException">The cause.</param>
    public JobConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
