using System.Globalization;

namespace Loom.Jobs.Slurm.Options;

/// <summary>
/// Durations for Slurm's <c>--time</c>: read from Loom's forms (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>,
/// <c>1h30m</c>, plain minutes) or Slurm's own (<c>MM:SS</c>, <c>HH:MM:SS</c>, <c>D-HH</c>, <c>D-HH:MM</c>,
/// <c>D-HH:MM:SS</c>), and written as <c>MINUTES</c> or <c>MINUTES:SECONDS</c>.
/// </summary>
/// <remarks>
/// A duration is at most <see cref="Max"/> (365 days). Slurm keeps time limits as 32-bit minutes, so it would take
/// far more, but no cluster grants a year-long job; a larger value is almost surely a typo, and bounding it keeps the
/// arithmetic (done in checked 64-bit seconds) far from any overflow.
/// </remarks>
internal static class SlurmDuration
{
    /// <summary>The longest duration accepted: 365 days.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(365);

    private static readonly long MaxSeconds = (long)Max.TotalSeconds;

    /// <summary>Reads a duration.</summary>
    /// <exception cref="FormatException">The text is not a positive duration of at most <see cref="Max"/>.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().ToLowerInvariant();
        long seconds;
        try
        {
            seconds = s.Contains(':', StringComparison.Ordinal) || s.Contains('-', StringComparison.Ordinal)
                ? ParseSlurm(s, text)
                : ParseUnits(s, text);
        }
        catch (OverflowException)
        {
            throw TooLong(text);
        }

        if (seconds <= 0)
        {
            throw new FormatException($"'{text}' is not a positive duration.");
        }

        if (seconds > MaxSeconds)
        {
            throw TooLong(text);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The value of <c>--time</c>: whole minutes, or <c>MINUTES:SECONDS</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        var minutes = seconds / 60;
        var rest = seconds % 60;
        var culture = CultureInfo.InvariantCulture;
        return rest == 0
            ? minutes.ToString(culture)
            : $"{minutes.ToString(culture)}:{rest.ToString("00", culture)}";
    }

    /// <summary>Seconds, in Loom's forms.</summary>
    private static long ParseUnits(string s, string text)
    {
        if (s.Length > 0 && s.All(char.IsAsciiDigit))
        {
            return checked(Number(s, text) * 60);
        }

        long total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (start == i || i >= s.Length)
            {
                throw Invalid(text);
            }

            var n = Number(s[start..i], text);
            var unit = s[i] switch
            {
                's' => 1L,
                'm' => 60L,
                'h' => 3600L,
                'd' => 86400L,
                _ => throw Invalid(text),
            };
            total = checked(total + checked(n * unit));
            i++;
        }

        return total;
    }

    /// <summary>Seconds, in Slurm's forms.</summary>
    private static long ParseSlurm(string s, string text)
    {
        long days = 0;
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var clock = s;
        if (dash >= 0)
        {
            days = Number(s[..dash], text);
            clock = s[(dash + 1)..];
        }

        var parts = clock.Split(':').Select(p => Number(p, text)).ToArray();
        var (h, m, sec) = (dash >= 0, parts.Length) switch
        {
            (false, 2) => (0L, parts[0], parts[1]),
            (false, 3) => (parts[0], parts[1], parts[2]),
            (true, 1) => (parts[0], 0L, 0L),
            (true, 2) => (parts[0], parts[1], 0L),
            (true, 3) => (parts[0], parts[1], parts[2]),
            _ => throw Invalid(text),
        };
        return checked((days * 86400) + (h * 3600) + (m * 60) + sec);
    }

    /// <summary>A field: digits only; one too large for a long is an overflow, reported as too long.</summary>
    private static long Number(string s, string text)
    {
        if (s.Length == 0 || !s.All(char.IsAsciiDigit))
        {
            throw Invalid(text);
        }

        return long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static FormatException Invalid(string text) => new(
        $"'{text}' is not a duration: use 90s, 30m, 2h, 1d, 1h30m, plain minutes, or Slurm's MM:SS, HH:MM:SS, D-HH:MM:SS.");

    private static FormatException TooLong(string text) => new(
        $"'{text}' is longer than the longest time limit Loom accepts, {Max.TotalDays.ToString(CultureInfo.InvariantCulture)} days.");
}
