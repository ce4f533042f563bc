namespace Loom.Tune;

/// <summary>One report of a trial: its metrics after an iteration.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Iteration">The training iteration, counted from 1 (Ray's <c>training_iteration</c>).</param>
/// <param name="Metrics">The reported metrics, name to value.</param>
/// <param name="Elapsed">The trial's run time so far.</param>
public sealed record TrialResult(string TrialId, int Iteration, IReadOnlyDictionary<string, double> Metrics, TimeSpan Elapsed)
{
    /// <summary>A metric's value.</summary>
    /// <param name="name">The metric.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The trial did not report it.</exception>
    public double Metric(string name) =>
        Metrics.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Trial {TrialId} did not report the metric '{name}' (it reported: {string.Join(", ", Metrics.Keys)}).");
}
