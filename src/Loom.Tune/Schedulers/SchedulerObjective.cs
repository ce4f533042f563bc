namespace Loom.Tune.Schedulers;

/// <summary>The metric a scheduler compares trials by and its mode; part of every scheduler's saved state.</summary>
internal sealed class SchedulerObjective
{
    /// <summary>The metric, or null before <see cref="ITrialScheduler.Setup"/>.</summary>
    public string? Metric { get; set; }

    /// <summary>Whether the metric is minimized or maximized.</summary>
    public TuneMode Mode { get; set; }

    /// <summary>Sets the metric and mode.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="mode">The mode.</param>
    public void Setup(string metric, TuneMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "The mode must be Min or Max.");
        }

        Metric = metric;
        Mode = mode;
    }

    /// <summary>The metric, which must have been set.</summary>
    /// <returns>The metric's name.</returns>
    /// <exception cref="InvalidOperationException">Setup was not called.</exception>
    public string RequireMetric() =>
        Metric ?? throw new InvalidOperationException("Call Setup(metric, mode) on the scheduler before adding trials.");

    /// <summary>A metric value signed so that higher is better (negated when minimizing), as Ray's <c>metric_op</c>.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The signed value.</returns>
    public double Sign(double value) => Mode == TuneMode.Max ? value : -value;

    /// <summary>Reads the metric from a result, signed so that higher is better.</summary>
    /// <param name="result">The result.</param>
    /// <param name="score">The signed value.</param>
    /// <returns>Whether the result has the metric.</returns>
    public bool TryScore(TrialResult result, out double score)
    {
        if (result.Metrics.TryGetValue(RequireMetric(), out var value))
        {
            score = Sign(value);
            return true;
        }

        score = 0;
        return false;
    }

    /// <summary>Reads the metric from a result that must have it, signed so that higher is better.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The signed value.</returns>
    /// <exception cref="KeyNotFoundException">The result lacks the metric.</exception>
    public double Score(TrialResult result) => Sign(result.Metric(RequireMetric()));
}
