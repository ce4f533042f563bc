using System.Globalization;
using System.Text.RegularExpressions;

namespace Loom.Jobs.Slurm;

/// <summary>
/// sacct's <c>JobID</c> column: <c>123</c>, an array task <c>123_4</c>, an array's pending tasks <c>123_[0-3%2]</c>,
/// a het component <c>123+1</c>, or a step of any of them (<c>123.batch</c>, <c>123.extern</c>, <c>123_4.0</c>, <c>123+1.0</c>).
/// </summary>
internal static partial class SacctJobId
{
    /// <summary>The id's parts, or null for a step.</summary>
    public static (long BaseJobId, int? ArrayTaskId, int? HetJobOffset)? Parse(string value, string where)
    {
        var text = value.Trim();
        if (text.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var match = JobIdPattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"{where}: JobID '{value}' is not a job id such as 123, 123_4, 123_[0-3] or 123+1.");
        }

        var baseJobId = long.Parse(match.Groups["base"].Value, CultureInfo.InvariantCulture);
        int? task = match.Groups["task"].Success ? int.Parse(match.Groups["task"].Value, CultureInfo.InvariantCulture) : null;
        int? offset = match.Groups["offset"].Success ? int.Parse(match.Groups["offset"].Value, CultureInfo.InvariantCulture) : null;
        return (baseJobId, task, offset);
    }

    [GeneratedRegex(@"^(?<base>[0-9]{1,18})(?:_(?:(?<task>[0-9]{1,9})|\[[^\]]*\])|\+(?<offset>[0-9]{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdPattern();
}
