namespace Loom.Jobs.Service;

/// <summary>A submission was refused whole (nothing of it was queued); the message says what was wrong and how to fix it.</summary>
public sealed class JobRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobRejectedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong and how to fix it.</param>
    public JobRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public JobRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
