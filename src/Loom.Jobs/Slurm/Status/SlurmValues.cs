using System.Globalization;

namespace Loom.Jobs.Slurm;

/// <summary>Slurm's ways of writing the plain values its tools print: placeholders for none, user ids, numbers.</summary>
internal static class SlurmValues
{
    /// <summary>The text, or empty where Slurm wrote a placeholder for none (<c>(null)</c>, <c>None assigned</c>).</summary>
    public static string Text(string? value)
    {
        var text = value?.Trim() ?? "";
        return text is "(null)" or "None assigned" or "N/A" ? "" : text;
    }

    /// <summary>A reason, empty for Slurm's <c>None</c>.</summary>
    public static string Reason(string? value)
    {
        var text = Text(value);
        return text == "None" ? "" : text;
    }

    /// <summary>The user name of <c>root(0)</c> or <c>root</c>.</summary>
    public static string User(string? value)
    {
        var text = Text(value);
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && text.EndsWith(')') ? text[..paren] : text;
    }

    /// <summary>A whole number that must be there.</summary>
    public static long Long(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{field} is '{value}', not a job id or count.");
    }

    /// <summary>A whole number that fits an int and must be there.</summary>
    public static int Int(string? value, string field)
    {
        var number = Long(value, field);
        return number <= int.MaxValue
            ? (int)number
            : throw new FormatException($"{field} is {number}, more than an int holds.");
    }

    /// <summary>A whole number, or null where there is none or the text is not one (an array range such as <c>0-3%1</c>).</summary>
    public static int? OptionalInt(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
