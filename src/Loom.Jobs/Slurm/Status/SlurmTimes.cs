using System.Globalization;

namespace Loom.Jobs.Slurm;

/// <summary>
/// Slurm's times: text such as <c>2026-11-25T21:53:05</c> (local time of the host that printed it, no offset),
/// with <c>Unknown</c>, <c>None</c> or <c>N/A</c> for none; or unix seconds in its JSON, 0 for none.
/// </summary>
internal static class SlurmTimes
{
    /// <summary>A text time read in this host's time zone, or null for Slurm's placeholders.</summary>
    public static DateTimeOffset? Parse(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("Unknown", StringComparison.OrdinalIgnoreCase)
            || text is "None" or "N/A" or "(null)" or "0")
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new FormatException($"{field} is '{value}', not a time such as 2026-11-25T21:53:05.");
        }

        return new DateTimeOffset(time, TimeZoneInfo.Local.GetUtcOffset(time));
    }

    /// <summary>Unix seconds, or null for 0 and Slurm's no-value markers.</summary>
    public static DateTimeOffset? FromUnix(long? seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
