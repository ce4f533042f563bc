namespace Loom.Tune;

/// <summary>Thrown by <see cref="TrialContext.ReportAsync(IReadOnlyDictionary{string, double}, Func{string, Task}?)"/> when the trial must end now (stopped, paused or exploiting another trial); let it pass.</summary>
public sealed class TrialStoppedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialStoppedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    public TrialStoppedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public TrialStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
