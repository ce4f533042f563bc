using System.Net;

namespace Loom.Jobs.Client;

/// <summary>The head answered a request with an error, or could not be reached.</summary>
public sealed class HeadRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HeadRequestException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public HeadRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HeadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error answer.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="message">The head's message.</param>
    public HeadRequestException(HttpStatusCode status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The HTTP status, or null when the head could not be reached.</summary>
    public HttpStatusCode? Status { get; }
}
