namespace Loom.Cli.Jobs;

/// <summary>A command cannot go on; the message says why and what to do, and the exit code says what kind of failure.</summary>
internal sealed class CliFailure(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
