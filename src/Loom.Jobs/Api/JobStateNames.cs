using System.Text.Json;
using Loom.Jobs.Queue;

namespace Loom.Jobs.Api;

/// <summary>The names of job states as users see and type them: <c>RUNNING</c>, <c>OUT_OF_MEMORY</c>.</summary>
public static class JobStateNames
{
    /// <summary>The state's name.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Upper snake case.</returns>
    public static string Name(JobState state) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(state.ToString());

    /// <summary>Reads a state's name, in any case, with or without underscores.</summary>
    /// <param name="text">For example <c>running</c> or <c>OUT_OF_MEMORY</c>.</param>
    /// <param name="state">The state.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, out JobState state) =>
        Enum.TryParse(text?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out state)
        && Enum.IsDefined(state) && !int.TryParse(text, out _);

    /// <summary>Every state's name, for error messages.</summary>
    public static string All => string.Join(", ", Enum.GetValues<JobState>().Select(Name));
}
