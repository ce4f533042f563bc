namespace Loom.Jobs.Components;

/// <summary>Command-line words could not be bound to a component's parameters.</summary>
public sealed class ComponentBindingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComponentBindingException()
    {
        Usage = "";
    }

    /// <summary>Creates the exception with a message and no usage text.</summary>
    /// <param name="message">What is wrong.</param>
    public ComponentBindingException(string message)
        : base(message)
    {
        Usage = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ComponentBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Usage = "";
    }

    /// <summary>Creates the exception with a message and the component's usage text.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="usage">The component's usage text.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ComponentBindingException(string message, string usage, Exception? innerException = null)
        : base(message, innerException)
    {
        Usage = usage;
    }

    /// <summary>The component's usage text, to show below the message; empty when unknown.</summary>
    public string Usage { get; }
}
