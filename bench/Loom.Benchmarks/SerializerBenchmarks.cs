using BenchmarkDotNet.Attributes;
using Loom.Serialization;

namespace Loom.Benchmarks;

/// <summary>Serialize + deserialize round trips through the object serializer (MessagePack or raw arrays).</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private LoomCluster _cluster = null!;
    private ObjectSerializer _serializer = null!;
    private SmallRecord _record = null!;
    private string _text = null!;
    private float[] _floats = null!;
    private List<int> _list = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = LoomCluster.StartLocal(new LocalClusterOptions { NumCpus = 2, NumGpus = 0 });
        _serializer = _cluster.Runtime.Serializer;
        _record = new SmallRecord(42, "point", 3.5);
        _text = new string('x', 100);
        _floats = new float[1_000_000];
        for (var i = 0; i < _floats.Length; i++)
        {
            _floats[i] = i;
        }

        _list = [.. Enumerable.Range(0, 1000)];
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.Dispose();

    [Benchmark(Baseline = true, Description = "int")]
    public int Int32Value() => _serializer.Deserialize<int>(_serializer.Serialize(42));

    [Benchmark(Description = "small record")]
    public SmallRecord Record() => _serializer.Deserialize<SmallRecord>(_serializer.Serialize(_record));

    [Benchmark(Description = "String (100 chars)")]
    public string Text() => _serializer.Deserialize<string>(_serializer.Serialize(_text));

    [Benchmark(Description = "float[1M] (raw)")]
    public float[] FloatArray() => _serializer.Deserialize<float[]>(_serializer.Serialize(_floats));

    [Benchmark(Description = "List<int>(1000)")]
    public List<int> IntList() => _serializer.Deserialize<List<int>>(_serializer.Serialize(_list));
}

/// <summary>A small user type serialized contract-less.</summary>
/// <param name="Id">An id.</param>
/// <param name="Name">A name.</param>
/// <param name="Weight">A weight.</param>
public sealed record SmallRecord(int Id, string Name, double Weight);
