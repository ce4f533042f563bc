using System.CommandLine;
using System.Text.Json;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Specs;

namespace Loom.Cli.Commands.Jobs;

/// <summary>
/// <c>loom run [-s local] [-cfg k=v,…] [--dryrun] [--wait] [--log] [--after ID] [--array SPEC] COMPONENT [flags…]</c>:
/// submits an app and prints its handle alone on a line.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scheduler = SchedulerOption.Create();
        var cfg = new Option<string?>("-cfg", "--cfg") { Description = "Run options as key=value pairs separated by commas ('loom runopts' lists them)." };
        var dryrun = new Option<bool>("--dryrun") { Description = "Print exactly what would run (the app and each replica's command, folder and environment) and submit nothing." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the job to end; exit 0 only when it SUCCEEDED." };
        var log = new Option<bool>("--log") { Description = "Print the replicas' output while waiting (implies --wait)." };
        var after = new Option<string[]>("--after") { Description = "Start only after this job SUCCEEDED (handle or id; repeatable).", AllowMultipleArgumentsPerToken = false };
        var afterAny = new Option<string[]>("--after-any") { Description = "Start only after this job ended, however it ended (repeatable)." };
        var array = new Option<string?>("--array") { Description = "Run as a job array, e.g. 0-15%4 (LOOM_ARRAY_TASK_ID per task, at most 4 at once)." };
        var target = new Argument<string[]>("component")
        {
            Description = "A builtin (utils.sh, dist.ddp, …), ASSEMBLY.dll:NAME, or a spec file (app.yaml), then its flags.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("run", "Submit an app to a scheduler (the local job queue by default) and print its handle.")
        {
            scheduler, cfg, dryrun, wait, log, after, afterAny, array, target,
        };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var schedulerName = parseResult.GetValue(scheduler) ?? SchedulerNames.Local;
            SchedulerOption.Check(schedulerName);
            var words = parseResult.GetValue(target) ?? [];
            var onSlurm = schedulerName == SchedulerNames.Slurm;
            var values = onSlurm ? new LocalRunOptions.Values(null, null, null, null) : LocalRunOptions.Parse(parseResult.GetValue(cfg));
            AppDef app;
            try
            {
                app = AppResolver.Resolve(words[0], words[1..], Environment.CurrentDirectory);
            }
            catch (ComponentHelpRequested help)
            {
                Console.WriteLine(help.Usage);
                return ExitCodes.Success;
            }

            var home = LoomHome.Resolve();
            if (parseResult.GetValue(array) is { } arrayText)
            {
                try
                {
                    Loom.Jobs.Queue.ArraySpec.Parse(arrayText);
                }
                catch (FormatException e)
                {
                    throw new CliFailure($"{e.Message} Write it as START-END[:STEP][%MAX] or a list such as 1,3,5.", ExitCodes.Usage);
                }
            }

            if (onSlurm)
            {
                return await SlurmRun.RunAsync(
                    new SlurmRun.Request(
                        app,
                        RunOptionPairs.Parse(parseResult.GetValue(cfg)),
                        parseResult.GetValue(array),
                        AppResolver.BaseDirectory(words[0], Environment.CurrentDirectory),
                        parseResult.GetValue(dryrun),
                        parseResult.GetValue(wait) || parseResult.GetValue(log),
                        parseResult.GetValue(log),
                        (parseResult.GetValue(after)?.Length ?? 0) + (parseResult.GetValue(afterAny)?.Length ?? 0) > 0),
                    home).ConfigureAwait(false);
            }

            var dependencies = Dependencies(parseResult.GetValue(after), DependencyKind.AfterOk)
                .Concat(Dependencies(parseResult.GetValue(afterAny), DependencyKind.AfterAny)).ToArray();
            var submission = new JobSubmission
            {
                Apps = [values.Apply(app)],
                User = values.User,
                Priority = values.Priority,
                Preemptible = values.Preemptible,
                MaxRetries = values.MaxRetries,
                Dependencies = dependencies,
                Array = parseResult.GetValue(array),
                BaseDirectory = AppResolver.BaseDirectory(words[0], Environment.CurrentDirectory),
            };
            if (parseResult.GetValue(dryrun))
            {
                DryRun.Print(submission, home);
                return ExitCodes.Success;
            }

            using var local = new LocalJobScheduler(await ConnectOrStartAsync(home).ConfigureAwait(false));
            return await SubmitAndWatchAsync(local, submission, parseResult.GetValue(wait) || parseResult.GetValue(log), parseResult.GetValue(log))
                .ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>Submits, prints the handle, and with <paramref name="wait"/> follows the job (and its logs) to its end.</summary>
    public static async Task<int> SubmitAndWatchAsync(IJobScheduler scheduler, JobSubmission submission, bool wait, bool log)
    {
        var result = await scheduler.SubmitAsync(submission).ConfigureAwait(false);
        Console.WriteLine(result.Handle);
        if (!wait)
        {
            return ExitCodes.Success;
        }

        var watched = scheduler.Name == SchedulerNames.Local ? result.Jobs[0].Handle : result.Handle;
        var followers = log ? new LogFollower(scheduler, watched, _ => true, ["stdout", "stderr"], null, prefix: true) : null;
        var final = await JobWatch.UntilFinalAsync(scheduler, watched, async job =>
        {
            if (followers is not null)
            {
                foreach (var line in await followers.ReadNewLinesAsync(job, flush: JobWatch.IsFinal(job, scheduler.Name)).ConfigureAwait(false))
                {
                    Console.WriteLine(line);
                }
            }
        }).ConfigureAwait(false);
        return Report(final);
    }

    /// <summary>Connects to the running head, or starts one and says so.</summary>
    public static async Task<HeadClient> ConnectOrStartAsync(LoomHome home)
    {
        if (await HeadLauncher.TryConnectAsync(home).ConfigureAwait(false) is { } client)
        {
            return client;
        }

        var started = await HeadLauncher.StartAsync(home, []).ConfigureAwait(false);
        var info = await started.InfoAsync().ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"No head was running, so one was started at {HeadLauncher.Describe(info)}; stop it with 'loom stop'.").ConfigureAwait(false);
        return started;
    }

    /// <summary>Says how a waited-for job ended; the exit code is 0 only for SUCCEEDED.</summary>
    public static int Report(JobView job)
    {
        var state = JobStateNames.Name(job.State);
        if (job.State == JobState.Succeeded)
        {
            Console.Error.WriteLine($"{job.AppId} {state}");
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"{job.AppId} {state}: {job.Reason}");
        return ExitCodes.Failure;
    }

    /// <summary>Reads job handles given to --after.</summary>
    public static IEnumerable<JobDependency> Dependencies(string[]? handles, DependencyKind kind)
    {
        foreach (var handle in handles ?? [])
        {
            if (!JobHandle.TryParse(handle, out var id, out var error))
            {
                throw new CliFailure(error, ExitCodes.Usage);
            }

            yield return new JobDependency(id, kind);
        }
    }
}
