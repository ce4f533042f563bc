namespace Loom.Jobs.Slurm.Commands;

/// <summary>What a finished command printed and returned.</summary>
/// <param name="ExitCode">Its exit status.</param>
/// <param name="Stdout">Its standard output.</param>
/// <param name="Stderr">Its standard error.</param>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Whether it exited with status 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
