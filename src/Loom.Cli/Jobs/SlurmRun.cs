using Loom.Cli.Commands.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Specs;

namespace Loom.Cli.Jobs;

/// <summary><c>loom run -s slurm</c>: the app as an sbatch script, submitted to the Slurm cluster this machine reaches.</summary>
internal static class SlurmRun
{
    /// <summary>What <c>loom run</c> was asked.</summary>
    public sealed record Request(
        AppDef App,
        IReadOnlyDictionary<string, string> RunOptions,
        string? Array,
        string BaseDirectory,
        bool DryRun,
        bool Wait,
        bool Log,
        bool HasDependencies);

    public static async Task<int> RunAsync(Request request, LoomHome home)
    {
        if (request.HasDependencies)
        {
            throw new CliFailure(
                "--after and --after-any name local jobs; on Slurm, give the dependency to Slurm itself (e.g. submit with sbatch --dependency) or run the dependent app on the local scheduler.",
                ExitCodes.Usage);
        }

        var submission = new JobSubmission
        {
            Apps = [request.App],
            Array = request.Array,
            BaseDirectory = request.BaseDirectory,
            RunOptions = request.RunOptions,
        };
        using var scheduler = SchedulerConnector.Slurm(home);
        if (request.DryRun)
        {
            Console.Write(scheduler.DryRun(submission));
            return ExitCodes.Success;
        }

        return await RunCommand.SubmitAndWatchAsync(scheduler, submission, request.Wait, request.Log).ConfigureAwait(false);
    }
}
