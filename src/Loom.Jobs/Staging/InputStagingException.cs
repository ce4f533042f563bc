namespace Loom.Jobs.Staging;

/// <summary>An input could not be staged; the message names the input by its index and source.</summary>
public sealed class InputStagingException : Exception
{
    private readonly string _source;

    /// <summary>Creates the exception with no input named.</summary>
    public InputStagingException()
    {
        Index = -1;
        _source = "";
    }

    /// <summary>Creates the exception with a message and no input named.</summary>
    /// <param name="message">What went wrong.</param>
    public InputStagingException(string message)
        : base(message)
    {
        Index = -1;
        _source = "";
    }

    /// <summary>Creates the exception with a message and a cause, and no input named.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InputStagingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Index = -1;
        _source = "";
    }

    /// <summary>Creates the exception for one input, with the message <c>input INDEX (SOURCE): REASON</c>.</summary>
    /// <param name="index">The input's position in the list, from 0.</param>
    /// <param name="source">The input's source as written.</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InputStagingException(int index, string source, string reason, Exception? innerException = null)
        : base($"input {index} ({source}): {reason}", innerException)
    {
        Index = index;
        _source = source;
    }

    /// <summary>The failed input's position in the list, from 0; -1 when no input is named.</summary>
    public int Index { get; }

    /// <summary>The failed input's source as written; empty when no input is named.</summary>
    /// <remarks>It hides <see cref="Exception.Source"/>, which keeps its usual meaning (what threw).</remarks>
    public new string Source => _source;
}
