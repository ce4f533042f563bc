namespace Loom.Jobs.Staging;

/// <summary>An output could not be copied to where it is stored; the message names the output and the destination.</summary>
public sealed class OutputStoringException : Exception
{
    /// <summary>Creates the exception with no output named.</summary>
    public OutputStoringException()
    {
        Output = "";
        Destination = "";
    }

    /// <summary>Creates the exception with a message and no output named.</summary>
    /// <param name="message">What went wrong.</param>
    public OutputStoringException(string message)
        : base(message)
    {
        Output = "";
        Destination = "";
    }

    /// <summary>Creates the exception with a message and a cause, and no output named.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OutputStoringException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = "";
        Destination = "";
    }

    /// <summary>Creates the exception for one output, with the message <c>output PATH: REASON</c>.</summary>
    /// <param name="output">The output's path as written in the spec.</param>
    /// <param name="destination">Where it was to be stored.</param>
    /// <param name="reason">What went wrong; it names the destination.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OutputStoringException(string output, string destination, string reason, Exception? innerException = null)
        : base($"output {output}: {reason}", innerException)
    {
        Output = output;
        Destination = destination;
    }

    /// <summary>The output's path as written in the spec; empty when no output is named.</summary>
    public string Output { get; }

    /// <summary>Where the output was to be stored; empty when no output is named.</summary>
    public string Destination { get; }
}
