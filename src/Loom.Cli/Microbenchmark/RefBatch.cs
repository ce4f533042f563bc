namespace Loom.Cli.Microbenchmark;

/// <summary>Frees a batch of refs at once, as Ray does when the last reference goes out of scope.</summary>
internal static class RefBatch
{
    public static void DisposeAll<T>(IEnumerable<ObjectRef<T>> refs)
    {
        foreach (var reference in refs)
        {
            reference.Dispose();
        }
    }
}
