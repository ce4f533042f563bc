namespace Loom.Cli.Jobs;

/// <summary>
/// Reads <c>-cfg key=value,key=value</c> into its pairs. A piece without <c>=</c> continues the value
/// before it, so list values keep their commas: <c>mail_type=BEGIN,END,partition=a,b</c> is
/// <c>mail_type=BEGIN,END</c> and <c>partition=a,b</c>.
/// </summary>
internal static class RunOptionPairs
{
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return pairs;
        }

        string? last = null;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && last is not null)
            {
                pairs[last] += "," + pair;
                continue;
            }

            if (equals <= 0)
            {
                var problem = equals < 0 ? "has no '='" : "has no key before '='";
                throw new CliFailure($"-cfg takes key=value pairs separated by commas; '{pair}' {problem}.", ExitCodes.Usage);
            }

            var key = pair[..equals];
            if (!pairs.TryAdd(key, pair[(equals + 1)..]))
            {
                throw new CliFailure($"-cfg gives '{key}' twice; give each option once.", ExitCodes.Usage);
            }

            last = key;
        }

        return pairs;
    }
}
