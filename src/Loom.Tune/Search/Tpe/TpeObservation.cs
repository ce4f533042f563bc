namespace Loom.Tune.Search.Tpe;

/// <summary>A completed trial as TPE models it.</summary>
/// <param name="Config">The trial's config.</param>
/// <param name="Loss">The metric, negated when higher is better, so lower is always better.</param>
/// <param name="Order">When it completed, counted from 0 (older observations weigh less).</param>
internal sealed record TpeObservation(TrialConfig Config, double Loss, long Order);
