using System.Text.RegularExpressions;

namespace Loom.Jobs.Slurm;

/// <summary>
/// The <c>Key=Value</c> tokens of one record of <c>scontrol show job</c> or the job-completion log. A value runs
/// to the next key, so one with spaces (a job name, a command) stays whole.
/// </summary>
/// <remarks>
/// The job name is text any user chooses, and Slurm writes it early in the record, so a name such as
/// <c>x StartTime=bogus</c> looks like a second key. Slurm writes its fields in a fixed order, so the name is read
/// as a region of its own: from the name key to the field Slurm always writes after it (the end of the line in
/// <c>scontrol show job</c>'s several-line form, else the last occurrence of that field), and nothing inside it
/// counts as a key. The keys before the name (the ids) take their first occurrence; those after it take their
/// last (<see cref="Repeats.LastWins"/>, the job-completion log, whose last field is <c>ExitCode</c>) or their
/// first (<see cref="Repeats.FirstWins"/>, scontrol, which ends its record with user text such as
/// <c>Command=</c> and <c>WorkDir=</c>).
/// </remarks>
internal static partial class SlurmKeyValues
{
    /// <summary>Which of a key repeated after the name counts.</summary>
    public enum Repeats
    {
        /// <summary>The first occurrence.</summary>
        FirstWins,

        /// <summary>The last occurrence.</summary>
        LastWins,
    }

    /// <summary>The values by key; the first of a repeated key wins.</summary>
    public static Dictionary<string, string> Parse(string record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = KeyPattern().Matches(record);
        for (var i = 0; i < matches.Count; i++)
        {
            values.TryAdd(matches[i].Groups["key"].Value, ValueAt(record, matches, i, record.Length));
        }

        return values;
    }

    /// <summary>The values by key, the job name (at <paramref name="nameKey"/>) read as one region whatever it holds.</summary>
    /// <param name="record">The record.</param>
    /// <param name="nameKey">The key of the job name (<c>Name</c>, <c>JobName</c>).</param>
    /// <param name="afterNameKeys">
    /// The keys Slurm writes right after the name when the record is one line (<c>JobState</c>; <c>HetJobIdSet</c>
    /// or <c>UserId</c>): the name ends at the earliest of their last occurrences.
    /// </param>
    /// <param name="repeats">Which of a key repeated after the name counts.</param>
    public static Dictionary<string, string> Parse(string record, string nameKey, IReadOnlyList<string> afterNameKeys, Repeats repeats)
    {
        var matches = KeyPattern().Matches(record);
        var name = -1;
        for (var i = 0; i < matches.Count && name < 0; i++)
        {
            if (matches[i].Groups["key"].Value == nameKey)
            {
                name = i;
            }
        }

        if (name < 0)
        {
            return Parse(record);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < name; i++)
        {
            values.TryAdd(matches[i].Groups["key"].Value, ValueAt(record, matches, i, matches[name].Index));
        }

        var nameStart = matches[name].Index + matches[name].Length;
        var nameEnd = NameEnd(record, matches, name, nameStart, afterNameKeys);
        values[nameKey] = record[nameStart..nameEnd].Trim();
        for (var i = name + 1; i < matches.Count; i++)
        {
            if (matches[i].Index < nameEnd)
            {
                continue;
            }

            var key = matches[i].Groups["key"].Value;
            var value = ValueAt(record, matches, i, record.Length);
            if (repeats == Repeats.LastWins)
            {
                values[key] = value;
            }
            else
            {
                values.TryAdd(key, value);
            }
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

    /// <summary>Whether the record belongs to one of the jobs: its JobId, ArrayJobId or HetJobId is among them.</summary>
    public static bool IsOf(Dictionary<string, string> values, IReadOnlySet<long> jobIds) =>
        IsIn(values, "JobId", jobIds) || IsIn(values, "ArrayJobId", jobIds) || IsIn(values, "HetJobId", jobIds);

    private static bool IsIn(Dictionary<string, string> values, string key, IReadOnlySet<long> jobIds) =>
        values.TryGetValue(key, out var text)
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && jobIds.Contains(id);

    private static string ValueAt(string record, MatchCollection matches, int i, int limit)
    {
        var start = matches[i].Index + matches[i].Length;
        var end = i + 1 < matches.Count ? Math.Min(matches[i + 1].Index, limit) : limit;
        return end > start ? record[start..end].Trim() : "";
    }

    private static int NameEnd(string record, MatchCollection matches, int name, int nameStart, IReadOnlyList<string> afterNameKeys)
    {
        var newline = record.IndexOf('\n', nameStart);
        if (newline >= 0)
        {
            return newline;
        }

        var end = -1;
        foreach (var key in afterNameKeys)
        {
            for (var i = matches.Count - 1; i > name; i--)
            {
                if (matches[i].Groups["key"].Value == key)
                {
                    end = end < 0 ? matches[i].Index : Math.Min(end, matches[i].Index);
                    break;
                }
            }
        }

        return end >= 0 ? end : name + 1 < matches.Count ? matches[name + 1].Index : record.Length;
    }

    [GeneratedRegex(@"(?<=^|\s)(?<key>[A-Za-z][A-Za-z0-9_:/]*)=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
