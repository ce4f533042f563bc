using System.CommandLine;
using System.Text.Json;
using Loom.Cli.Jobs;
using Loom.Cli.Tune;
using Loom.Tune;
using Loom.Tune.Reporting;
using Spectre.Console;

namespace Loom.Cli.Commands.Tune;

/// <summary><c>loom tune status PATH [--json]</c>: the trials of an experiment, finished, running or interrupted.</summary>
internal static class TuneStatusCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "The experiment's folder." };
        var json = new Option<bool>("--json") { Description = "Print the experiment as JSON ({\"best\": {…}, \"trials\": […]})." };
        var command = new Command("status", "Show an experiment's trials and its best trial.") { path, json };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(() =>
        {
            var experiment = Path.GetFullPath(parseResult.GetValue(path)!);
            if (!Tuner.CanRestore(experiment))
            {
                throw new CliFailure($"{experiment} holds no experiment (experiment_state.json is missing).", ExitCodes.Usage);
            }

            var grid = ExperimentReader.Read(experiment);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(ToJson(grid), Json));
            }
            else
            {
                AnsiConsole.Write(TuneTable.Create(grid));
                TuneSummary.Write(AnsiConsole.Console, grid, Existing(experiment, TuneSession.CsvFileName), Existing(experiment, MetricPlot.DefaultFileName));
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static string? Existing(string folder, string file) =>
        File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null;

    private static Dictionary<string, object?> ToJson(ResultGrid grid)
    {
        var best = TuneTable.Best(grid);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["experiment"] = grid.ExperimentPath,
            ["metric"] = grid.Metric,
            ["mode"] = grid.Mode == TuneMode.Min ? "min" : "max",
            ["total_iterations"] = grid.TotalIterations,
            ["counts"] = grid.Trials.GroupBy(t => t.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal),
            ["best"] = best is { } b
                ? new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["trial_id"] = b.Trial.TrialId,
                    ["config"] = b.Trial.Config.Values,
                    ["metric"] = b.Result.Metrics[grid.Metric],
                    ["iteration"] = b.Result.Iteration,
                }
                : null,
            ["trials"] = grid.Trials.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["trial_id"] = t.TrialId,
                ["status"] = t.Status.ToString(),
                ["iterations"] = t.LastResult?.Iteration ?? 0,
                ["config"] = t.Config.Values,
                ["metrics"] = t.LastResult?.Metrics,
                ["checkpoint"] = t.Checkpoint,
                ["error"] = t.Error,
            }).ToList(),
        };
    }
}
