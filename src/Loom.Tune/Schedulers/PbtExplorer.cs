namespace Loom.Tune.Schedulers;

/// <summary>
/// Population based training's explore step, as Ray's <c>_explore</c>: each mutated hyperparameter (in ordinal name
/// order) is resampled with the resample probability, else multiplied by one of the two perturbation factors chosen
/// at random. Integers stay integers (rounded half away from zero); values that are not numbers, and names missing
/// from the config, are always resampled.
/// </summary>
internal static class PbtExplorer
{
    /// <summary>Explores a config.</summary>
    /// <param name="config">The config to start from (the top trial's).</param>
    /// <param name="mutations">The hyperparameters to mutate and how to resample each.</param>
    /// <param name="resampleProbability">The chance of resampling rather than perturbing.</param>
    /// <param name="factors">The perturbation factors.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The new config.</returns>
    public static TrialConfig Explore(
        TrialConfig config,
        IReadOnlyDictionary<string, Func<Random, object?>> mutations,
        double resampleProbability,
        (double Lower, double Upper) factors,
        Random random)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in mutations.Keys.Order(StringComparer.Ordinal))
        {
            var present = config.Values.TryGetValue(name, out var old);
            var resample = random.NextDouble() < resampleProbability;
            object? value;
            if (resample || !present || !IsNumber(old))
            {
                value = mutations[name](random);
            }
            else
            {
                var factor = random.Next(2) == 0 ? factors.Lower : factors.Upper;
                value = Scale(old!, factor);
            }

            changes[name] = present ? KeepInteger(old, value) : value;
        }

        return config.With(changes);
    }

    private static bool IsNumber(object? value) => value is int or long or float or double or decimal;

    private static object Scale(object value, double factor) => value switch
    {
        int i => i * factor,
        long l => l * factor,
        float f => (float)(f * factor),
        decimal m => m * (decimal)factor,
        _ => (double)value * factor,
    };

    /// <summary>An integer hyperparameter stays an integer of its type (Ray's <c>int(...)</c>, rounding instead of truncating).</summary>
    private static object? KeepInteger(object? old, object? value)
    {
        if (!IsNumber(value))
        {
            return value;
        }

        return old switch
        {
            int => Convert.ToInt32(Round(value!)),
            long => Convert.ToInt64(Round(value!)),
            _ => value,
        };
    }

    private static double Round(object value) =>
        Math.Round(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);
}
