namespace Loom.ObjectStore;

/// <summary>One object's bytes on disk: where, and how many.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Length">The object's size in bytes.</param>
internal sealed record SpillFile(string Path, long Length);
