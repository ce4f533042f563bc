namespace Loom.Cli.Jobs;

/// <summary>Reads <c>-cfg key=value,key=value</c> into its pairs, in order.</summary>
internal static class RunOptionPairs
{
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return pairs;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliFailure($"-cfg takes key=value pairs separated by commas; '{pair}' has no '='.", ExitCodes.Usage);
            }

            var key = pair[..equals];
            if (!pairs.TryAdd(key, pair[(equals + 1)..]))
            {
                throw new CliFailure($"-cfg gives '{key}' twice; give each option once.", ExitCodes.Usage);
            }
        }

        return pairs;
    }
}
