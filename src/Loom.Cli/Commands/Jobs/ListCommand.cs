using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;
using Spectre.Console;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom list [-s local] [--json] [--state S] [--user U]</c>: the jobs, newest first.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var scheduler = SchedulerOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the jobs as a JSON array." };
        var state = new Option<string?>("--state") { Description = "Only jobs in this state (QUEUED, RUNNING, SUCCEEDED, …)." };
        var user = new Option<string?>("--user") { Description = "Only this user's jobs." };
        var command = new Command("list", "List the jobs, newest first.") { scheduler, json, state, user };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var schedulerName = parseResult.GetValue(scheduler) ?? SchedulerNames.Local;
            SchedulerOption.Check(schedulerName);
            JobState? wanted = null;
            if (parseResult.GetValue(state) is { } text)
            {
                wanted = JobStateNames.TryParse(text, out var s)
                    ? s
                    : throw new CliFailure($"'{text}' is not a job state; states: {JobStateNames.All}.", ExitCodes.Usage);
            }

            var jobs = await ListAsync(schedulerName, wanted, parseResult.GetValue(user)).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(jobs, JobsJson.Indented));
                return ExitCodes.Success;
            }

            var culture = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("handle", "state", "user", "GPUs", "submitted", "reason");
            foreach (var job in jobs)
            {
                table.AddRow(
                    Markup.Escape(job.Handle),
                    JobStateNames.Name(job.State),
                    Markup.Escape(job.User),
                    job.GpuIds.Count > 0 ? string.Join(',', job.GpuIds) : job.Gpus.ToString(culture),
                    job.SubmittedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", culture),
                    Markup.Escape(job.Reason.Length > 60 ? job.Reason[..57] + "..." : job.Reason));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<JobView>> ListAsync(string schedulerName, JobState? state, string? user)
    {
        var home = LoomHome.Resolve();
        if (schedulerName == SchedulerNames.Local)
        {
            using var client = await HeadLauncher.ConnectAsync(home).ConfigureAwait(false);
            return await client.ListAsync(state, user).ConfigureAwait(false);
        }

        using var scheduler = await SchedulerConnector.ConnectAsync(schedulerName, home).ConfigureAwait(false);
        var jobs = await scheduler.ListAsync().ConfigureAwait(false);
        return [.. jobs.Where(j => (state is null || j.State == state) && (user is null || j.User == user))];
    }
}
