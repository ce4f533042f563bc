using System.Globalization;

namespace Loom.ObjectStore;

/// <summary>
/// The folder spilled objects go to, one file per object, within a disk budget. The folder is made
/// on first use and removed, with everything left in it, when the store is disposed.
/// </summary>
internal sealed class SpillDirectory : IDisposable
{
    private readonly Lock _gate = new();
    private long _usedBytes;
    private bool _created;
    private bool _disposed;

    public SpillDirectory(string? root, ulong nodeKey, long? budgetBytes)
    {
        if (budgetBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetBytes), budgetBytes, "ObjectSpillDiskBytes must be 0 or more.");
        }

        FolderPath = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"loom-spill-{nodeKey:x16}"));
        BudgetBytes = budgetBytes ?? long.MaxValue;
    }

    /// <summary>The folder this store spills to.</summary>
    public string FolderPath { get; }

    /// <summary>The most bytes spill files may take (<see cref="long.MaxValue"/>: as much as the disk has).</summary>
    public long BudgetBytes { get; }

    public long UsedBytes => Volatile.Read(ref _usedBytes);

    /// <summary>Writes an object's bytes to a new file; null (and nothing left behind) when the budget or the disk is full.</summary>
    public SpillFile? TryWrite(ObjectId id, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_disposed || _usedBytes + data.Length > BudgetBytes)
            {
                return null;
            }

            _usedBytes += data.Length;
            if (!_created)
            {
                Directory.CreateDirectory(FolderPath);
                _created = true;
            }
        }

        var path = System.IO.Path.Combine(FolderPath, string.Create(CultureInfo.InvariantCulture, $"{id.Node:x16}-{id.Sequence:x16}.obj"));
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read, FileOptions.None, data.Length);
            RandomAccess.Write(handle, data, 0);
            return new SpillFile(path, data.Length);
        }
        catch (IOException)
        {
            Discard(path, data.Length);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            Discard(path, data.Length);
            return null;
        }
    }

    /// <summary>True if the file is still there with the object's length.</summary>
    public static bool Exists(SpillFile file)
    {
        var info = new FileInfo(file.Path);
        return info.Exists && info.Length == file.Length;
    }

    /// <summary>Reads a spilled object back into <paramref name="into"/>; throws <see cref="IOException"/> if the file is gone or short.</summary>
    public static void Read(SpillFile file, Span<byte> into)
    {
        using var handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length != file.Length)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the spill file '{file.Path}' holds {length:N0} bytes instead of {file.Length:N0}"));
        }

        var offset = 0;
        while (offset < into.Length)
        {
            var read = RandomAccess.Read(handle, into[offset..], offset);
            if (read == 0)
            {
                throw new IOException($"the spill file '{file.Path}' ended early");
            }

            offset += read;
        }
    }

    /// <summary>Deletes a file whose object is freed or lost, and returns its bytes to the budget.</summary>
    public void Delete(SpillFile file) => Discard(file.Path, file.Length);

    /// <summary>Removes the folder and every file left in it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (!_created)
            {
                return;
            }
        }

        try
        {
            Directory.Delete(FolderPath, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file is still open elsewhere; nothing more can be done at shutdown.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: a best effort at shutdown.
        }
    }

    private void Discard(string path, long length)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The bytes are accounted free either way; a stray file goes with the folder at disposal.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        Interlocked.Add(ref _usedBytes, -length);
    }
}
