namespace Loom.Tune.Schedulers;

/// <summary>
/// The names of the progress measures a scheduler can count time in (Ray's <c>time_attr</c>). Any other name is
/// read from the result's metrics, which must then grow monotonically (e.g. <c>timesteps_total</c>).
/// </summary>
public static class TimeAttributes
{
    /// <summary>The training iteration, <see cref="TrialResult.Iteration"/> (Ray's <c>training_iteration</c>).</summary>
    public const string TrainingIteration = "training_iteration";

    /// <summary>The trial's run time in seconds, <see cref="TrialResult.Elapsed"/> (Ray's <c>time_total_s</c>).</summary>
    public const string TotalSeconds = "time_total_s";

    /// <summary>Reads a time attribute from a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="attribute">The attribute's name.</param>
    /// <param name="time">The time.</param>
    /// <returns>Whether the result has the attribute.</returns>
    internal static bool TryRead(TrialResult result, string attribute, out double time)
    {
        switch (attribute)
        {
            case TrainingIteration:
                time = result.Iteration;
                return true;
            case TotalSeconds:
                time = result.Elapsed.TotalSeconds;
                return true;
            default:
                return result.Metrics.TryGetValue(attribute, out time);
        }
    }

    /// <summary>Reads a time attribute from a result that must have it.</summary>
    /// <param name="result">The result.</param>
    /// <param name="attribute">The attribute's name.</param>
    /// <returns>The time.</returns>
    /// <exception cref="KeyNotFoundException">The result lacks the attribute.</exception>
    internal static double Read(TrialResult result, string attribute) =>
        TryRead(result, attribute, out var time)
            ? time
            : throw new KeyNotFoundException($"Trial {result.TrialId} did not report the time attribute '{attribute}'.");
}
