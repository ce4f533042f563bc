using System.Globalization;

namespace Loom.Jobs.Slurm.Options;

/// <summary>
/// Durations for Slurm's <c>--time</c>: read from Loom's forms (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>,
/// <c>1h30m</c>, plain minutes) or Slurm's own (<c>MM:SS</c>, <c>HH:MM:SS</c>, <c>D-HH</c>, <c>D-HH:MM</c>,
/// <c>D-HH:MM:SS</c>), and written as <c>MINUTES</c> or <c>MINUTES:SECONDS</c>.
/// </summary>
internal static class SlurmDuration
{
    /// <summary>Reads a duration.</summary>
    /// <exception cref="FormatException">The text is not a positive duration.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().ToLowerInvariant();
        var value = s.Contains(':', StringComparison.Ordinal) || s.Contains('-', StringComparison.Ordinal)
            ? ParseSlurm(s, text)
            : ParseUnits(s, text);
        if (value <= TimeSpan.Zero)
        {
            throw new FormatException($"'{text}' is not a positive duration.");
        }

        return value;
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

    private static TimeSpan ParseUnits(string s, string text)
    {
        if (s.Length > 0 && s.All(char.IsAsciiDigit))
        {
            return TimeSpan.FromMinutes(Number(s, text));
        }

        var total = TimeSpan.Zero;
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
            total += s[i] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => throw Invalid(text),
            };
            i++;
        }

        return total;
    }

    private static TimeSpan ParseSlurm(string s, string text)
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
        return (dash >= 0, parts.Length) switch
        {
            (false, 2) => new TimeSpan(0, 0, (int)parts[0], (int)parts[1]),
            (false, 3) => new TimeSpan(0, (int)parts[0], (int)parts[1], (int)parts[2]),
            (true, 1) => new TimeSpan((int)days, (int)parts[0], 0, 0),
            (true, 2) => new TimeSpan((int)days, (int)parts[0], (int)parts[1], 0),
            (true, 3) => new TimeSpan((int)days, (int)parts[0], (int)parts[1], (int)parts[2]),
            _ => throw Invalid(text),
        };
    }

    private static long Number(string s, string text) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= int.MaxValue ? n : throw Invalid(text);

    private static FormatException Invalid(string text) => new(
        $"'{text}' is not a duration: use 90s, 30m, 2h, 1d, 1h30m, plain minutes, or Slurm's MM:SS, HH:MM:SS, D-HH:MM:SS.");
}
