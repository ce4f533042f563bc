namespace Loom.Jobs.Staging;

/// <summary>
/// Puts files and folders in place so that nothing half-written ever sits under its final name: each one
/// is written to a hidden sibling first and renamed into place once complete, replacing what was there.
/// </summary>
internal static class SafeCopy
{
    /// <summary>The text in the name of every partial file or folder.</summary>
    public const string PartialMarker = ".loom-partial-";

    /// <summary>Copies a file, or a folder recursively, to its final path.</summary>
    /// <param name="source">The file or folder; a top-level symbolic link is followed.</param>
    /// <param name="finalPath">Where the copy ends up; its parent folders are created.</param>
    /// <param name="cancellationToken">Stops the copy between files.</param>
    public static void Copy(string source, string finalPath, CancellationToken cancellationToken)
    {
        var partial = Begin(finalPath);
        try
        {
            CopyEntry(source, partial, cancellationToken);
            MoveIntoPlace(partial, finalPath);
        }
        catch
        {
            Discard(partial);
            throw;
        }
    }

    /// <summary>Lets <paramref name="write"/> create a file or folder at a partial path, then moves it into place.</summary>
    /// <param name="finalPath">Where the result ends up; its parent folders are created.</param>
    /// <param name="write">Creates the file or folder at the path it is given; whatever it leaves is removed if it fails.</param>
    /// <returns>A task that ends when the result is in place.</returns>
    public static async Task PlaceAsync(string finalPath, Func<string, Task> write)
    {
        var partial = Begin(finalPath);
        try
        {
            await write(partial);
            MoveIntoPlace(partial, finalPath);
        }
        catch
        {
            Discard(partial);
            throw;
        }
    }

    /// <summary>Copies a file, or a folder recursively, to a path that does not exist yet.</summary>
    /// <param name="source">The file or folder; a top-level symbolic link is followed, links inside a folder are copied as links.</param>
    /// <param name="target">The new path.</param>
    /// <param name="cancellationToken">Stops the copy between files.</param>
    public static void CopyEntry(string source, string target, CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            CopyTree(new DirectoryInfo(source), target, cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Copy(source, target);
        }
    }

    private static void CopyTree(DirectoryInfo source, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in source.EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                _ = entry is DirectoryInfo ? Directory.CreateSymbolicLink(path, link) : File.CreateSymbolicLink(path, link);
            }
            else if (entry is DirectoryInfo folder)
            {
                CopyTree(folder, path, cancellationToken);
            }
            else
            {
                File.Copy(entry.FullName, path);
            }
        }
    }

    private static string Begin(string finalPath)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(finalPath)) ?? throw new IOException($"{finalPath} has no parent folder");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(finalPath);
        return Path.Combine(parent, $".{name[..Math.Min(name.Length, 100)]}{PartialMarker}{Guid.NewGuid():N}");
    }

    private static void MoveIntoPlace(string partial, string finalPath)
    {
        var existing = new FileInfo(finalPath);
        var isLink = existing.LinkTarget is not null;
        if (Directory.Exists(partial))
        {
            Remove(finalPath, isLink);
            Directory.Move(partial, finalPath);
            return;
        }

        if (!isLink && Directory.Exists(finalPath))
        {
            Directory.Delete(finalPath, recursive: true);
        }

        File.Move(partial, finalPath, overwrite: true);
    }

    private static void Remove(string path, bool isLink)
    {
        if (isLink || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void Discard(string partial)
    {
        try
        {
            Remove(partial, isLink: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the failure that led here is the one to report.
        }
    }
}
