using System.CommandLine;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom cancel</c>, <c>loom halt</c> and <c>loom resume</c>: one action on one job.</summary>
internal static class JobActionCommands
{
    public static Command Cancel()
    {
        var handle = HandleArgument.Create();
        var command = new Command(
            "cancel",
            "Cancel a job (queued: never runs; running: stopped, SIGTERM then SIGKILL; an array's first task: the whole array; on Slurm: scancel).")
        {
            handle,
        };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var id = HandleArgument.ReadHandle(parseResult, handle);
            using var scheduler = await SchedulerConnector.ForHandleAsync(id, LoomHome.Resolve()).ConfigureAwait(false);
            Print(await scheduler.CancelAsync(id).ConfigureAwait(false));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Halt() => Create(
        "halt", "Halt a running job: SIGTERM with LOOM_CHECKPOINT_DIR set, the grace period, resources released, checkpoints kept.",
        (client, id) => client.HaltAsync(id));

    public static Command Resume() => Create(
        "resume", "Queue a halted job again; it restarts with LOOM_RESUME_FROM at its last checkpoint.",
        (client, id) => client.ResumeAsync(id));

    private static Command Create(string name, string description, Func<HeadClient, long, Task<JobView>> action)
    {
        var handle = HandleArgument.Create();
        var command = new Command(name, description) { handle };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var id = HandleArgument.Read(parseResult, handle);
            using var client = await HeadLauncher.ConnectAsync(LoomHome.Resolve()).ConfigureAwait(false);
            Print(await action(client, id).ConfigureAwait(false));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(JobView job) => Console.WriteLine($"{job.Handle} {JobStateNames.Name(job.State)}");
}
