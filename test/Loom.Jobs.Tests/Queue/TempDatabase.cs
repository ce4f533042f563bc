namespace Loom.Jobs.Tests.Queue;

/// <summary>A job database path in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "loom-jobs-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_directory, "jobs.db");

    public string Directory => _directory;

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
