namespace Loom.Tune.Search;

/// <summary>Normalises values a <see cref="TrialConfig"/> may hold: whole numbers to <see cref="long"/>, other numbers to <see cref="double"/>.</summary>
internal static class ConfigValues
{
    /// <summary>Normalises a value or says it is of a type a config cannot hold.</summary>
    /// <param name="value">The value.</param>
    /// <param name="normalized">The normalised value.</param>
    /// <returns>Whether the value can be held.</returns>
    public static bool TryNormalize(object? value, out object? normalized)
    {
        normalized = value switch
        {
            null => null,
            string or bool or double or long => value,
            int i => (long)i,
            short s => (long)s,
            sbyte b => (long)b,
            byte b => (long)b,
            ushort u => (long)u,
            uint u => (long)u,
            ulong u when u <= long.MaxValue => (long)u,
            float f => (double)f,
            decimal d => (double)d,
            _ => Unsupported.Value,
        };
        if (ReferenceEquals(normalized, Unsupported.Value))
        {
            normalized = null;
            return false;
        }

        return true;
    }

    /// <summary>Normalises a value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">What the value is, for the error message.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="ArgumentException">The value's type cannot be held by a config.</exception>
    public static object? Normalize(object? value, string what) =>
        TryNormalize(value, out var normalized)
            ? normalized
            : throw new ArgumentException($"{what} must be a number, string, bool or null; got a {value!.GetType().Name} ({value}).");

    private sealed class Unsupported
    {
        public static readonly Unsupported Value = new();
    }
}
