namespace Loom.Jobs.Specs;

/// <summary>An app spec file could not be turned into a valid <see cref="AppDef"/>.</summary>
public sealed class AppSpecException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    /// <param name="errors">Every error found, in document order.</param>
    public AppSpecException(IReadOnlyList<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a single message and no located errors.</summary>
    public AppSpecException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AppSpecException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AppSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<SpecError> Errors { get; }
}
