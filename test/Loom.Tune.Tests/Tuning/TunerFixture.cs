namespace Loom.Tune.Tests.Tuning;

/// <summary>A temporary storage folder and a small embedded cluster per test.</summary>
public sealed class TunerFixture : IAsyncDisposable
{
    private TunerFixture(LoomCluster loom, string storage)
    {
        Loom = loom;
        Storage = storage;
    }

    public LoomCluster Loom { get; }

    public string Storage { get; }

    public static async Task<TunerFixture> StartAsync(double cpus = 4, int gpus = 0)
    {
        var loom = await LoomCluster.StartLocalAsync(new LocalClusterOptions
        {
            NumCpus = cpus,
            NumGpus = gpus,
            MemoryBytes = 1L << 30,
            ObjectStoreMemoryBytes = 1L << 28,
            NodeName = "tune-test",
        });
        var storage = Path.Combine(Path.GetTempPath(), "loom-tune-" + Guid.NewGuid().ToString("N")[..8]);
        return new TunerFixture(loom, storage);
    }

    public RunConfig Run(string name = "exp", StopCriteria? stop = null) =>
        new() { Name = name, StoragePath = Storage, Stop = stop ?? new StopCriteria() };

    public async ValueTask DisposeAsync()
    {
        await Loom.DisposeAsync();
        if (Directory.Exists(Storage))
        {
            Directory.Delete(Storage, recursive: true);
        }
    }
}
