namespace Loom.Tune.Schedulers;

/// <summary>A metric value a trial reported and when.</summary>
/// <param name="Time">The result's time.</param>
/// <param name="Value">The metric's raw value.</param>
internal readonly record struct TimedValue(double Time, double Value);
