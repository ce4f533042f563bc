namespace Loom.Jobs.Specs;

/// <summary>Suggests the known name closest to a misspelt one.</summary>
internal static class DidYouMean
{
    /// <summary>Returns the closest known name, or null when none is close.</summary>
    public static string? Suggest(string given, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, given, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var d = Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= Math.Max(2, given.Length / 3) ? best : null;
    }

    /// <summary>The message for an unknown name: with a suggestion, or the list of known names.</summary>
    public static string Describe(string kind, string given, IReadOnlyCollection<string> known) =>
        Suggest(given, known) is { } s
            ? $"unknown {kind} \"{given}\"; did you mean \"{s}\"?"
            : $"unknown {kind} \"{given}\"; expected one of: {string.Join(", ", known)}";

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
