using System.CommandLine;
using Loom.Cli.Jobs;
using Spectre.Console;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom runopts [-s local]</c>: the run options a scheduler takes with <c>-cfg</c>.</summary>
internal static class RunoptsCommand
{
    public static Command Create()
    {
        var scheduler = SchedulerOption.Create();
        var command = new Command("runopts", "List the run options (-cfg key=value) of a scheduler.") { scheduler };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(() =>
        {
            SchedulerOption.Check(parseResult.GetValue(scheduler));
            var table = new Table().Title("local").AddColumns("option", "type", "default", "what it does");
            foreach (var (name, type, @default, help) in LocalRunOptions.All)
            {
                table.AddRow(name, type, Markup.Escape(@default), Markup.Escape(help));
            }

            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
