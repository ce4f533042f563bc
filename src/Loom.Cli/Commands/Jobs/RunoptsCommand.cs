using System.CommandLine;
using Loom.Cli.Jobs;
using Loom.Jobs.Slurm;
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
            var name = parseResult.GetValue(scheduler) ?? SchedulerNames.Local;
            SchedulerOption.Check(name);
            var options = name == SchedulerNames.Slurm ? SlurmScheduler.RunOptions : LocalRunOptions.All;
            var table = new Table().Title(name).AddColumns("option", "type", "default", "what it does");
            foreach (var option in options)
            {
                table.AddRow(Markup.Escape(option.Name), Markup.Escape(option.Type), Markup.Escape(option.Default), Markup.Escape(option.Help));
            }

            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
