namespace Loom.Cli.Jobs;

/// <summary>The exit codes of the job commands.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>--wait</c>, the job SUCCEEDED.</summary>
    public const int Success = 0;

    /// <summary>The job did not succeed, or the head refused the request.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an unknown component, flag or option, a malformed spec.</summary>
    public const int Usage = 2;
}
