using Loom.Jobs.Client;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm;

namespace Loom.Cli.Jobs;

/// <summary>Opens the scheduler a command talks to: the local head (which must be running) or Slurm.</summary>
internal static class SchedulerConnector
{
    public static async Task<IJobScheduler> ConnectAsync(string name, LoomHome home) => name switch
    {
        SchedulerNames.Local => new LocalJobScheduler(await HeadLauncher.ConnectAsync(home).ConfigureAwait(false)),
        SchedulerNames.Slurm => Slurm(home),
        _ => throw new CliFailure($"Unknown scheduler '{name}'; schedulers: {string.Join(", ", SchedulerNames.Known)}.", ExitCodes.Usage),
    };

    /// <summary>The scheduler of a handle, for the verbs that take one.</summary>
    public static Task<IJobScheduler> ForHandleAsync(string handle, LoomHome home) => ConnectAsync(SchedulerNames.Of(handle), home);

    public static SlurmScheduler Slurm(LoomHome home) => new(new SlurmSchedulerOptions { Home = home });
}
