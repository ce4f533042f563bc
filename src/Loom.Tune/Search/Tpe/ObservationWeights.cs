namespace Loom.Tune.Search.Tpe;

/// <summary>
/// The weights of observations in a Parzen estimator, oldest first, as hyperopt's linear forgetting: up to 25 observations
/// weigh 1; beyond that the older ones ramp linearly from 1/n up to 1, the newest 25 weigh 1.
/// </summary>
internal static class ObservationWeights
{
    /// <summary>How many of the newest observations keep full weight.</summary>
    public const int Flat = 25;

    /// <summary>The weights of <paramref name="count"/> observations, oldest first.</summary>
    /// <param name="count">The number of observations.</param>
    /// <returns>The weights.</returns>
    public static double[] For(int count)
    {
        var weights = new double[count];
        var ramp = Math.Max(0, count - Flat);
        for (var i = 0; i < count; i++)
        {
            weights[i] = i >= ramp ? 1
                : ramp == 1 ? 1.0 / count
                : (1.0 / count) + (i * (1 - (1.0 / count)) / (ramp - 1));
        }

        return weights;
    }
}
