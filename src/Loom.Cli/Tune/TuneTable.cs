using System.Globalization;
using Loom.Tune;
using Spectre.Console;

namespace Loom.Cli.Tune;

/// <summary>The trials of an experiment as a table: id, status, config values, last metric, iterations; the best so far in the caption.</summary>
internal static class TuneTable
{
    public static Table Create(ResultGrid grid)
    {
        var parameters = grid.Trials.SelectMany(t => t.Config.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("trial").AddColumn("status");
        foreach (var parameter in parameters)
        {
            table.AddColumn(new TableColumn(Markup.Escape(parameter)).RightAligned());
        }

        table.AddColumn(new TableColumn(Markup.Escape(grid.Metric)).RightAligned()).AddColumn(new TableColumn("iter").RightAligned());
        var best = Best(grid);
        foreach (var trial in grid.Trials)
        {
            var cells = new List<string> { trial.TrialId == best?.Trial.TrialId ? $"[bold]{trial.TrialId}[/]" : trial.TrialId, Status(trial.Status) };
            cells.AddRange(parameters.Select(p => trial.Config.Values.TryGetValue(p, out var v) ? Markup.Escape(Format(v)) : ""));
            cells.Add(trial.LastResult?.Metrics.TryGetValue(grid.Metric, out var m) == true ? Format(m) : "-");
            cells.Add((trial.LastResult?.Iteration ?? 0).ToString(CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        table.Caption(best is { } b
            ? $"best so far: [bold]{b.Trial.TrialId}[/] {Markup.Escape(grid.Metric)}={Format(b.Result.Metrics[grid.Metric])} ({Markup.Escape(b.Trial.Config.ToString())})"
            : "no results yet");
        return table;
    }

    /// <summary>The best trial by its last report, or null while none reported the metric.</summary>
    public static (TrialOutcome Trial, TrialResult Result)? Best(ResultGrid grid) =>
        grid.Trials.Any(t => t.LastResult?.Metrics.ContainsKey(grid.Metric) == true) ? grid.GetBestResult() : null;

    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Status(TrialStatus status) => status switch
    {
        TrialStatus.Running => "[blue]RUNNING[/]",
        TrialStatus.Terminated => "[green]TERMINATED[/]",
        TrialStatus.Error => "[red]ERROR[/]",
        TrialStatus.Paused => "[yellow]PAUSED[/]",
        _ => "PENDING",
    };
}
