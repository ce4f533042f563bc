namespace Loom.Jobs.Staging;

/// <summary>Why one input could not be staged; <see cref="InputStager"/> turns it into an <see cref="InputStagingException"/>.</summary>
internal sealed class StagingFailure : Exception
{
    /// <summary>Creates the failure with no reason.</summary>
    public StagingFailure()
    {
    }

    /// <summary>Creates the failure.</summary>
    /// <param name="message">The reason, without the input's name.</param>
    public StagingFailure(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure with a cause.</summary>
    /// <param name="message">The reason, without the input's name.</param>
    /// <param name="innerException">The cause.</param>
    public StagingFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
