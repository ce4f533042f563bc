using System.Diagnostics;

namespace Loom.Jobs.Tests.Slurm.Integration;

/// <summary>
/// A test that needs a running Slurm cluster: skipped when <c>sinfo</c> cannot be run or answers with an error,
/// unless <c>LOOM_REQUIRE_SLURM=1</c> (as in CI), where a missing Slurm must fail the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlurmFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Running = new(SinfoAnswers);

    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LOOM_REQUIRE_SLURM") != "1" && !Running.Value)
        {
            Skip = "Slurm is not running here: start it with deploy/slurm/local-cluster.sh start";
        }
    }

    private static bool SinfoAnswers()
    {
        try
        {
            var start = new ProcessStartInfo("sinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
