using System.Globalization;
using System.Text;

namespace Loom.Tune;

/// <summary>The trials of an experiment: the best by a metric, a table of all (also as CSV), and the errors.</summary>
public sealed class ResultGrid
{
    private static readonly string[] LeadingColumns = ["trial_id", "status", "iterations"];

    internal ResultGrid(string experimentPath, string metric, TuneMode mode, IReadOnlyList<TrialOutcome> trials)
    {
        ExperimentPath = experimentPath;
        Metric = metric;
        Mode = mode;
        Trials = trials;
    }

    /// <summary>The experiment's folder.</summary>
    public string ExperimentPath { get; }

    /// <summary>The tuned metric.</summary>
    public string Metric { get; }

    /// <summary>Whether lower or higher is better.</summary>
    public TuneMode Mode { get; }

    /// <summary>Every trial, in creation order.</summary>
    public IReadOnlyList<TrialOutcome> Trials { get; }

    /// <summary>The trials that ended in error, with their errors.</summary>
    public IReadOnlyList<TrialOutcome> Errors => [.. Trials.Where(t => t.Status == TrialStatus.Error)];

    /// <summary>Every trial's total iterations reported (the budget the experiment spent).</summary>
    public int TotalIterations => Trials.Sum(t => t.LastResult?.Iteration ?? 0);

    /// <summary>The trial with the best value of a metric.</summary>
    /// <param name="metric">The metric; the tuned one when null.</param>
    /// <param name="mode">Lower or higher is better; the tuned mode when null.</param>
    /// <param name="scope"><c>last</c>: each trial's last report; <c>all</c>: each trial's best report.</param>
    /// <returns>The best trial and its deciding result.</returns>
    /// <exception cref="InvalidOperationException">No trial reported the metric.</exception>
    public (TrialOutcome Trial, TrialResult Result) GetBestResult(string? metric = null, TuneMode? mode = null, string scope = "last")
    {
        var name = metric ?? Metric;
        var better = mode ?? Mode;
        if (scope is not ("last" or "all"))
        {
            throw new ArgumentException($"scope must be 'last' or 'all', not '{scope}'.", nameof(scope));
        }

        var candidates = Trials
            .SelectMany(t => (scope == "last" ? (t.LastResult is { } r ? [r] : Array.Empty<TrialResult>()) : t.Results)
                .Where(r => r.Metrics.ContainsKey(name))
                .Select(r => (Trial: t, Result: r)))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException($"No trial reported '{name}'.");
        }

        return better == TuneMode.Min
            ? candidates.MinBy(c => c.Result.Metrics[name])
            : candidates.MaxBy(c => c.Result.Metrics[name]);
    }

    /// <summary>One row per trial: id, status, iterations, the config values and the last metrics, as CSV.</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv()
    {
        var culture = CultureInfo.InvariantCulture;
        var parameters = Trials.SelectMany(t => t.Config.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var metrics = Trials.SelectMany(t => t.LastResult?.Metrics.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', LeadingColumns
            .Concat(parameters.Select(p => "config/" + p)).Concat(metrics).Append("error").Select(Quote)));
        foreach (var trial in Trials)
        {
            var cells = new List<string> { trial.TrialId, trial.Status.ToString(), (trial.LastResult?.Iteration ?? 0).ToString(culture) };
            cells.AddRange(parameters.Select(p => trial.Config.Values.TryGetValue(p, out var v) ? Format(v) : ""));
            cells.AddRange(metrics.Select(m => trial.LastResult?.Metrics.TryGetValue(m, out var v) == true ? v.ToString("R", culture) : ""));
            cells.Add(trial.Error ?? "");
            text.AppendLine(string.Join(',', cells.Select(Quote)));
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to a file.</summary>
    /// <param name="path">The file.</param>
    public void WriteCsv(string path) => File.WriteAllText(path, ToCsv());

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
