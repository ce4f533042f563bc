namespace Loom.Jobs.Tests.Staging;

/// <summary>A fresh temporary folder, deleted afterwards, with helpers to lay out files in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "loom-staging-" + Guid.NewGuid().ToString("N"));

    /// <summary>The full path of a relative path in the folder.</summary>
    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The names of a folder's top-level entries, sorted.</summary>
    public static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
