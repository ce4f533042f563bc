using System.Globalization;

namespace Loom.Jobs.Specs;

/// <summary>Parses the text forms of durations and memory sizes used in spec files and flags.</summary>
public static class SpecValues
{
    /// <summary>Parses a duration: <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, or <c>[d-]hh:mm:ss</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration, when parsed.</param>
    /// <returns>Whether the text is a duration.</returns>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var t = text.Trim();
        if (t.Length > 1 && char.IsAsciiLetter(t[^1])
            && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            value = char.ToLowerInvariant(t[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.MinValue,
            };
            return value != TimeSpan.MinValue;
        }

        var days = 0;
        var dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && !int.TryParse(t[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
        {
            return false;
        }

        var parts = t[(dash + 1)..].Split(':');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        var v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        value = new TimeSpan(days, v[0], v[1], v[2]);
        return true;
    }

    /// <summary>Parses a memory size in MiB: <c>4096</c>, <c>512M</c>, <c>512MiB</c>, <c>4G</c> or <c>4GiB</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mebibytes">The size in MiB, when parsed.</param>
    /// <returns>Whether the text is a size.</returns>
    public static bool TryParseMebibytes(string text, out int mebibytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var factor = 1;
        foreach (var (suffix, f) in new[] { ("GiB", 1024), ("G", 1024), ("MiB", 1), ("M", 1) })
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^suffix.Length];
                factor = f;
                break;
            }
        }

        mebibytes = 0;
        if (!int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            || (long)n * factor > int.MaxValue)
        {
            return false;
        }

        mebibytes = n * factor;
        return true;
    }
}
