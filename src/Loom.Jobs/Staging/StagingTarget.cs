namespace Loom.Jobs.Staging;

/// <summary>Turns an input's destination into a full path that stays inside the staging folder.</summary>
internal static class StagingTarget
{
    /// <summary>The full path of a destination in the staging folder.</summary>
    /// <param name="stagingDirectory">The staging folder.</param>
    /// <param name="destination">A path relative to the staging folder.</param>
    /// <returns>The full path, without a trailing separator.</returns>
    /// <exception cref="StagingFailure">The destination is empty, absolute, or leads outside the folder.</exception>
    public static string Resolve(string stagingDirectory, string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new StagingFailure("the destination is empty; give a path relative to the staging folder");
        }

        if (Path.IsPathRooted(destination))
        {
            throw new StagingFailure($"destination \"{destination}\" is absolute; use a path relative to the staging folder");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(stagingDirectory));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination, root));
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal) || full.Length == prefix.Length)
        {
            throw new StagingFailure($"destination \"{destination}\" leads outside the staging folder; use a relative path without \"..\"");
        }

        return full;
    }
}
