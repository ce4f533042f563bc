using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Spectre.Console;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom status HANDLE [--json]</c>: a job's state.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var handle = HandleArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the job as JSON ({\"state\": \"RUNNING\", …})." };
        var command = new Command("status", "Show a job's state.") { handle, json };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var id = HandleArgument.ReadHandle(parseResult, handle);
            using var scheduler = await SchedulerConnector.ForHandleAsync(id, LoomHome.Resolve()).ConfigureAwait(false);
            var job = await scheduler.GetAsync(id).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(job, JobsJson.Indented));
            }
            else
            {
                AnsiConsole.Write(Grid(job));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    public static Grid Grid(JobView job)
    {
        var culture = CultureInfo.InvariantCulture;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow($"[bold]{name}[/]", Markup.Escape(value));
        Row("handle", job.Handle);
        Row("state", JobStateNames.Name(job.State));
        Row("reason", job.Reason);
        Row("user", job.User);
        Row("priority", job.Priority.ToString(culture) + (job.Preemptible ? " (preemptible)" : ""));
        Row("resources", $"{job.Gpus.ToString(culture)} GPU(s), {job.Cpus.ToString(culture)} CPU(s), {job.MemoryMb.ToString(culture)} MiB");
        if (job.GpuIds.Count > 0)
        {
            Row("GPU ids", string.Join(',', job.GpuIds));
        }

        Row("retries", $"{job.RetryCount.ToString(culture)} of {job.MaxRetries.ToString(culture)}");
        if (job.ArrayIndex is { } index)
        {
            Row("array", $"task {index.ToString(culture)} of array {job.ArrayParentId?.ToString(culture)}");
        }

        Row("submitted", job.SubmittedAt.ToLocalTime().ToString("u", culture));
        Row("started", job.StartedAt?.ToLocalTime().ToString("u", culture) ?? "-");
        Row("ended", job.EndedAt?.ToLocalTime().ToString("u", culture) ?? "-");
        Row("folder", job.Directory);
        foreach (var replica in job.Replicas)
        {
            var exit = replica.ExitCode is { } code ? $"exit {code.ToString(culture)}" : "running or killed";
            Row($"replica {replica.Role}/{replica.ReplicaId.ToString(culture)}", $"rank {replica.Rank.ToString(culture)}, pid {replica.Pid.ToString(culture)}, {exit}");
        }

        return grid;
    }
}
