using Loom.ObjectStore;

namespace Loom;

/// <summary>The base of every error Loom raises.</summary>
public class LoomException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    public LoomException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and the exception that caused it.</summary>
    public LoomException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error with no message.</summary>
    public LoomException()
    {
    }

    internal LoomException(ErrorInfo error)
        : base(error.Message, error.Cause?.ToException())
    {
        Error = error;
    }

    /// <summary>The stored form of this error, when it came from the object store.</summary>
    internal ErrorInfo? Error { get; }

}
