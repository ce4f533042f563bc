using System.Text.RegularExpressions;

namespace Loom.Jobs.Slurm;

/// <summary>
/// The <c>Key=Value</c> tokens of one record of <c>scontrol show job</c> or the job-completion log. A value runs
/// to the next key, so one with spaces (a job name, a command) stays whole; the first of a repeated key wins.
/// </summary>
internal static partial class SlurmKeyValues
{
    /// <summary>The values by key.</summary>
    public static Dictionary<string, string> Parse(string record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = KeyPattern().Matches(record);
        for (var i = 0; i < matches.Count; i++)
        {
            var key = matches[i].Groups["key"];
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : record.Length;
            values.TryAdd(key.Value, record[start..end].Trim());
        }

        return values;
    }

    /// <summary>The value of a key that must be there.</summary>
    public static string Required(Dictionary<string, string> values, string key, string where) =>
        values.TryGetValue(key, out var value)
            ? value
            : throw new FormatException($"{where} has no {key}=.");

    /// <summary>The value of a key, or null when absent.</summary>
    public static string? Optional(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? value : null;

    [GeneratedRegex(@"(?<=^|\s)(?<key>[A-Za-z][A-Za-z0-9_:/]*)=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
