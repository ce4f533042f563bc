using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Spectre.Console;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom describe HANDLE [--json]</c>: a job's state, its app and the history of its transitions.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var handle = HandleArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the description as JSON." };
        var command = new Command("describe", "Show a job's state, app and transition history.") { handle, json };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var id = HandleArgument.ReadHandle(parseResult, handle);
            using var scheduler = await SchedulerConnector.ForHandleAsync(id, LoomHome.Resolve()).ConfigureAwait(false);
            var description = await scheduler.DescribeAsync(id).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(description, JobsJson.Indented));
                return ExitCodes.Success;
            }

            AnsiConsole.Write(StatusCommand.Grid(description.Job));
            AnsiConsole.WriteLine();
            var history = new Table().Title("history").AddColumns("time", "from", "to", "reason");
            foreach (var t in description.History)
            {
                history.AddRow(
                    Markup.Escape(t.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)),
                    t.From is { } from ? JobStateNames.Name(from) : "-",
                    JobStateNames.Name(t.To),
                    Markup.Escape(t.Reason));
            }

            AnsiConsole.Write(history);
            if (description.App is { } app)
            {
                AnsiConsole.WriteLine();
                Console.WriteLine("app:");
                Console.WriteLine(JsonSerializer.Serialize(app, JobsJson.Indented));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
