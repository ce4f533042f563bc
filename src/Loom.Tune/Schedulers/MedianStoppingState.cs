namespace Loom.Tune.Schedulers;

/// <summary>What a <see cref="MedianStoppingRule"/> saves: its objective and every trial's results.</summary>
internal sealed class MedianStoppingState
{
    /// <summary>The metric and mode.</summary>
    public SchedulerObjective Objective { get; set; } = new();

    /// <summary>Each trial's results in order, including trials that ended.</summary>
    public Dictionary<string, List<TimedValue>> Results { get; set; } = new(StringComparer.Ordinal);
}
