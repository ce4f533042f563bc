using System.Diagnostics;

namespace Loom.Tests.Cli.Schedulers;

/// <summary>
/// Whether a Slurm cluster answers here (<c>sinfo</c>). Tests that need one skip when it does not,
/// saying how to start one, except where <c>LOOM_REQUIRE_SLURM=1</c> (CI starts a cluster and sets it):
/// there a missing cluster fails them.
/// </summary>
internal static class SlurmCluster
{
    public const string StartHint = "no Slurm cluster answers here: start one with 'deploy/slurm/local-cluster.sh install && deploy/slurm/local-cluster.sh start' (as root)";

    private static readonly Lazy<string?> Problem = new(Probe);

    public static bool Required => Environment.GetEnvironmentVariable("LOOM_REQUIRE_SLURM") == "1";

    /// <summary>Skips the calling test when no cluster answers (fails it where one is required).</summary>
    public static void Ensure()
    {
        if (Problem.Value is not { } problem)
        {
            return;
        }

        Assert.False(Required, $"LOOM_REQUIRE_SLURM=1 but {problem}");
        Skip.If(true, $"{StartHint} ({problem})");
    }

    private static string? Probe()
    {
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -o %t")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = sinfo.StandardOutput.ReadToEnd();
            var error = sinfo.StandardError.ReadToEnd();
            if (!sinfo.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                sinfo.Kill();
                return "sinfo did not answer within 30 s";
            }

            return sinfo.ExitCode == 0 && output.Length > 0 ? null : $"sinfo exited {sinfo.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"sinfo could not be run ({e.Message})";
        }
    }
}
