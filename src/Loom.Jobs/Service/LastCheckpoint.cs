namespace Loom.Jobs.Service;

/// <summary>Finds what <c>LOOM_RESUME_FROM</c> points at: the newest entry of a job's checkpoint folder.</summary>
internal static class LastCheckpoint
{
    public static string? In(string checkpointDirectory)
    {
        var folder = new DirectoryInfo(checkpointDirectory);
        if (!folder.Exists)
        {
            return null;
        }

        return folder.EnumerateFileSystemInfos()
            .OrderByDescending(e => e.LastWriteTimeUtc)
            .ThenByDescending(e => e.Name, StringComparer.Ordinal)
            .FirstOrDefault()?.FullName;
    }
}
