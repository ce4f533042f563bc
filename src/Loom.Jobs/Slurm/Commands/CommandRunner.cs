using System.ComponentModel;
using System.Diagnostics;
using Loom.Jobs.Schedulers;

namespace Loom.Jobs.Slurm.Commands;

/// <summary>Runs a program with an argument list (no shell), collects its output, and stops it past a timeout.</summary>
internal static class CommandRunner
{
    /// <exception cref="SchedulerException">The program could not be started or ran past the timeout.</exception>
    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new SchedulerException($"Could not run {program}: {e.Message}.", e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new SchedulerException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not answer within {timeout.TotalSeconds:0} s: " +
                "the Slurm controller may be overloaded or unreachable (check 'sinfo').");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }
}
