using System.CommandLine;
using System.Globalization;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;
using Spectre.Console;

namespace Loom.Cli.Commands.Jobs;

/// <summary>
/// <c>loom batch FILE -j N [--gpus G] [--cpus C] [--wait]</c>: every non-empty line of FILE is one job (run with
/// <c>/bin/sh -c</c>), at most N at once, each with its own G GPUs — the <c>parallel -j8 :::: jobs.txt</c> workflow
/// with GPU allocation, a durable queue and logs per line.
/// </summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The file of commands, one per line (blank lines and lines starting with # are skipped)." };
        var jobs = new Option<int>("-j", "--jobs") { Description = "How many lines run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var gpus = new Option<int>("--gpus") { Description = "GPUs for each line (its CUDA_VISIBLE_DEVICES).", DefaultValueFactory = _ => 0 };
        var cpus = new Option<int>("--cpus") { Description = "CPUs reserved for each line (0: only -j limits how many run).", DefaultValueFactory = _ => 0 };
        var name = new Option<string>("--name") { Description = "The batch's name.", DefaultValueFactory = _ => "batch" };
        var wait = new Option<bool>("--wait") { Description = "Wait for every line; exit non-zero if any failed, naming them." };
        var cfg = new Option<string?>("-cfg", "--cfg") { Description = "Run options, as for 'loom run'." };
        var command = new Command("batch", "Run each line of a file as a job, at most N at once, each with its own GPUs.")
        {
            file, jobs, gpus, cpus, name, wait, cfg,
        };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliFailure($"The batch file '{path}' does not exist.", ExitCodes.Usage);
            }

            var lines = (await File.ReadAllLinesAsync(path).ConfigureAwait(false))
                .Select((text, index) => (Text: text.Trim(), Number: index + 1))
                .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
                .ToArray();
            if (lines.Length == 0)
            {
                throw new CliFailure($"The batch file '{path}' has no commands (every line is blank or a comment).", ExitCodes.Usage);
            }

            var concurrency = parseResult.GetValue(jobs);
            if (concurrency < 1)
            {
                throw new CliFailure("-j must be at least 1.", ExitCodes.Usage);
            }

            var values = LocalRunOptions.Parse(parseResult.GetValue(cfg));
            var resource = new Resource { Gpu = parseResult.GetValue(gpus), Cpu = parseResult.GetValue(cpus) };
            var batchName = parseResult.GetValue(name)!;
            var apps = lines.Select(l => new AppDef
            {
                Name = batchName,
                Roles = [new Role { Name = "line", Entrypoint = "/bin/sh", Args = ["-c", l.Text], Resource = resource }],
            }).ToArray();
            var home = LoomHome.Resolve();
            using var client = await RunCommand.ConnectOrStartAsync(home).ConfigureAwait(false);
            var result = await client.SubmitAsync(new JobSubmission
            {
                Apps = [.. apps.Select(values.Apply)],
                User = values.User,
                Priority = values.Priority,
                Preemptible = values.Preemptible,
                MaxRetries = values.MaxRetries,
                MaxConcurrent = concurrency,
                BaseDirectory = Environment.CurrentDirectory,
            }).ConfigureAwait(false);
            Console.WriteLine(result.Handle);
            if (!parseResult.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            var parent = result.Jobs[0].Id;
            var final = await WaitAsync(client, parent, lines.Length).ConfigureAwait(false);
            var failed = final.Where(j => j.State != JobState.Succeeded).OrderBy(j => j.ArrayIndex).ToArray();
            Console.Error.WriteLine($"{(lines.Length - failed.Length).ToString(CultureInfo.InvariantCulture)} of {lines.Length.ToString(CultureInfo.InvariantCulture)} lines succeeded.");
            foreach (var job in failed)
            {
                var line = lines[job.ArrayIndex ?? 0];
                Console.Error.WriteLine($"line {line.Number.ToString(CultureInfo.InvariantCulture)} ({line.Text}): {JobStateNames.Name(job.State)}: {job.Reason} [{job.Handle}]");
            }

            return failed.Length == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<JobView>> WaitAsync(HeadClient client, long parent, int total)
    {
        async Task<IReadOnlyList<JobView>> Poll() => await client.ListAsync(arrayParentId: parent).ConfigureAwait(false);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (true)
            {
                var tasks = await Poll().ConfigureAwait(false);
                if (tasks.Count == total && tasks.All(JobWatch.IsFinal))
                {
                    return tasks;
                }

                await Task.Delay(JobWatch.PollInterval).ConfigureAwait(false);
            }
        }

        IReadOnlyList<JobView> final = [];
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var bar = context.AddTask("lines done", maxValue: total);
            while (true)
            {
                var tasks = await Poll().ConfigureAwait(false);
                bar.Value = tasks.Count(JobWatch.IsFinal);
                if (tasks.Count == total && tasks.All(JobWatch.IsFinal))
                {
                    final = tasks;
                    return;
                }

                await Task.Delay(JobWatch.PollInterval).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return final;
    }
}
