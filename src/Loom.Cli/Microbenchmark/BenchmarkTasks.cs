namespace Loom.Cli.Microbenchmark;

/// <summary>The task bodies the benchmarks submit.</summary>
internal static class BenchmarkTasks
{
    private static readonly byte[] Ok = "ok"u8.ToArray();

    public static byte[] Small() => Ok;

    /// <summary>Puts 100 small objects from inside a task ("multi client put calls").</summary>
    public static int PutHundred()
    {
        var cluster = LoomContext.Current.Cluster;
        for (var i = 0; i < 100; i++)
        {
            cluster.Put(0).Dispose();
        }

        return 100;
    }

    /// <summary>Returns a list of 10,000 refs to freshly put objects.</summary>
    public static List<ObjectRef<int>> CreateObjectContainingRefs()
    {
        var cluster = LoomContext.Current.Cluster;
        var refs = new List<ObjectRef<int>>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            refs.Add(cluster.Put(1));
        }

        return refs;
    }
}
