using BenchmarkDotNet.Attributes;
using Loom.Node;

namespace Loom.Benchmarks;

/// <summary>Acquire + release on the node's <see cref="ResourcePool"/> for CPU, fractional GPU, whole GPU and custom shapes.</summary>
[MemoryDiagnoser]
public class ResourcePoolBenchmarks
{
    private ResourcePool _pool = null!;
    private ResourceShape _cpu = null!;
    private ResourceShape _fractionalGpu = null!;
    private ResourceShape _wholeGpu = null!;
    private ResourceShape _custom = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = new ResourcePool(ResourceShape.ToUnits(16), 4, 1L << 34, new Dictionary<string, double> { ["accelerator_a"] = 2 });
        _cpu = ResourceShape.From(1, 0, 0, null, "bench");
        _fractionalGpu = ResourceShape.From(1, 0.25, 0, null, "bench");
        _wholeGpu = ResourceShape.From(1, 2, 0, null, "bench");
        _custom = ResourceShape.From(1, 0, 1L << 20, new Dictionary<string, double> { ["accelerator_a"] = 0.5 }, "bench");
    }

    [Benchmark(Baseline = true)]
    public bool Cpu() => AcquireRelease(_cpu);

    [Benchmark(Description = "CPU + 0.25 GPU")]
    public bool FractionalGpu() => AcquireRelease(_fractionalGpu);

    [Benchmark(Description = "CPU + 2 GPUs")]
    public bool WholeGpus() => AcquireRelease(_wholeGpu);

    [Benchmark(Description = "CPU + memory + custom")]
    public bool Custom() => AcquireRelease(_custom);

    private bool AcquireRelease(ResourceShape shape)
    {
        if (!_pool.TryAcquire(shape, out var allocation))
        {
            return false;
        }

        _pool.Release(allocation);
        return true;
    }
}
