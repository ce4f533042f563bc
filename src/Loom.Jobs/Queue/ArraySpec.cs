using System.Globalization;

namespace Loom.Jobs.Queue;

/// <summary>A job array in Slurm's syntax: <c>0-15%4</c>, <c>1,3,5</c>, <c>0-9:2</c>.</summary>
/// <param name="Indexes">The task indexes, ascending and distinct.</param>
/// <param name="MaxConcurrent">How many tasks may run at once, or null for no cap.</param>
public sealed record ArraySpec(IReadOnlyList<int> Indexes, int? MaxConcurrent)
{
    /// <summary>The most tasks one array may have.</summary>
    public const int MaxTasks = 100_000;

    /// <summary>Parses an array specification.</summary>
    /// <param name="text">Comma-separated indexes or ranges (<c>a-b</c>, <c>a-b:step</c>), optionally followed by <c>%cap</c>.</param>
    /// <returns>The parsed array.</returns>
    /// <exception cref="FormatException">The text is not a valid array specification.</exception>
    public static ArraySpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        int? cap = null;
        var percent = body.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            cap = ParseNumber(body[(percent + 1)..], text);
            if (cap < 1)
            {
                throw new FormatException($"Array '{text}': the concurrency cap after '%' must be at least 1.");
            }

            body = body[..percent];
        }

        var indexes = new SortedSet<int>();
        foreach (var part in body.Split(','))
        {
            AddPart(part.Trim(), text, indexes);
        }

        if (indexes.Count == 0)
        {
            throw new FormatException($"Array '{text}' has no indexes.");
        }

        return new ArraySpec([.. indexes], cap);
    }

    private static void AddPart(string part, string text, SortedSet<int> indexes)
    {
        if (part.Length == 0)
        {
            throw new FormatException($"Array '{text}' has an empty element.");
        }

        var step = 1;
        var colon = part.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            step = ParseNumber(part[(colon + 1)..], text);
            if (step < 1)
            {
                throw new FormatException($"Array '{text}': the step after ':' must be at least 1.");
            }

            part = part[..colon];
        }

        var dash = part.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (colon >= 0)
            {
                throw new FormatException($"Array '{text}': a step needs a range ('a-b:step').");
            }

            Add(indexes, ParseNumber(part, text), text);
            return;
        }

        var first = ParseNumber(part[..dash], text);
        var last = ParseNumber(part[(dash + 1)..], text);
        if (last < first)
        {
            throw new FormatException($"Array '{text}': range {first}-{last} ends before it starts.");
        }

        for (long i = first; i <= last; i += step)
        {
            Add(indexes, (int)i, text);
        }
    }

    private static void Add(SortedSet<int> indexes, int index, string text)
    {
        indexes.Add(index);
        if (indexes.Count > MaxTasks)
        {
            throw new FormatException($"Array '{text}' has more than {MaxTasks} tasks.");
        }
    }

    private static int ParseNumber(string s, string text)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Array '{text}': '{s}' is not a non-negative whole number.");
        }

        return value;
    }
}
