using Loom.Tests.Support;

namespace Loom.Tests.ObjectStore;

/// <summary>A cluster with a small object store that spills into a folder of its own, removed afterwards.</summary>
internal sealed class SpillCluster : IAsyncDisposable
{
    public const int ObjectSize = 4 << 20;
    public const long Capacity = 64L << 20;

    private SpillCluster(LoomCluster loom, string root)
    {
        Loom = loom;
        Root = root;
    }

    public LoomCluster Loom { get; }

    /// <summary>The directory given to the cluster; its spill folder is made inside.</summary>
    public string Root { get; }

    public string SpillFolder => Loom.Runtime.Store.SpillFolder;

    public int SpillFileCount => Directory.Exists(SpillFolder) ? Directory.GetFiles(SpillFolder).Length : 0;

    public ObjectStoreStatus Store => Loom.GetStatus().ObjectStore;

    public static async Task<SpillCluster> StartAsync(long capacity = Capacity, long? diskBudget = null, double cpus = 2)
    {
        var root = Path.Combine(Path.GetTempPath(), "loom-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var loom = await TestCluster.StartAsync(cpus, configure: o => o with
        {
            ObjectStoreMemoryBytes = capacity,
            ObjectSpillDirectory = root,
            ObjectSpillDiskBytes = diskBudget,
        });
        return new SpillCluster(loom, root);
    }

    /// <summary>An array of <see cref="ObjectSize"/> bytes whose content depends on <paramref name="seed"/>.</summary>
    public static byte[] Data(int seed)
    {
        var data = GC.AllocateUninitializedArray<byte>(ObjectSize);
        for (var i = 0; i < data.Length; i += 4096)
        {
            data[i] = (byte)(seed + (i >> 12));
        }

        data[^1] = (byte)seed;
        return data;
    }

    public static bool Matches(byte[] data, int seed)
    {
        if (data.Length != ObjectSize || data[^1] != (byte)seed)
        {
            return false;
        }

        for (var i = 0; i < data.Length; i += 4096)
        {
            if (data[i] != (byte)(seed + (i >> 12)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Puts <paramref name="count"/> arrays, checking after each that memory stays within the capacity.</summary>
    public List<ObjectRef<byte[]>> Fill(int count, int firstSeed = 1000)
    {
        var refs = new List<ObjectRef<byte[]>>(count);
        for (var i = 0; i < count; i++)
        {
            refs.Add(Loom.Put(Data(firstSeed + i)));
            Assert.True(Loom.Runtime.Store.BytesInMemory <= Loom.Runtime.Store.CapacityBytes, $"{Loom.Runtime.Store.BytesInMemory} bytes in memory exceed the capacity");
        }

        return refs;
    }

    /// <summary>Deletes every spill file behind the store's back.</summary>
    public void DeleteSpillFiles()
    {
        foreach (var file in Directory.GetFiles(SpillFolder))
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Loom.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
