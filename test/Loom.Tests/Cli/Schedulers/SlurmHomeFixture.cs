namespace Loom.Tests.Cli.Schedulers;

/// <summary>A temporary LOOM_HOME and working folder for driving <c>loom -s slurm</c>; Slurm itself is the machine's cluster.</summary>
public sealed class SlurmHomeFixture : IDisposable
{
    public string Home { get; } = Path.Combine(Path.GetTempPath(), "loom-slurm-home-" + Guid.NewGuid().ToString("N")[..8]);

    public string Work => Path.Combine(Home, "work");

    public SlurmHomeFixture() => Directory.CreateDirectory(Work);

    /// <summary>How long one loom command may run: a waited-for job on Slurm includes the controller's scheduling and time-limit checks.</summary>
    public static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);

    public Task<(int ExitCode, string Stdout, string Stderr)> Loom(params string[] arguments) =>
        LoomProcess.RunWithAsync(Home, Work, null, CommandLimit, arguments);

    /// <summary>Runs loom with extra environment variables (e.g. a PATH without Slurm's commands).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> LoomWith(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        LoomProcess.RunWithAsync(Home, Work, environment, CommandLimit, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A job may still write its log; the folder is temporary.
        }
    }
}
