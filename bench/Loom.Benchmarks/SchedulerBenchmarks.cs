using BenchmarkDotNet.Attributes;
using Loom.Node;

namespace Loom.Benchmarks;

/// <summary>
/// Work items through <see cref="LocalScheduler"/>: the fast path (the work fits at once) and the queued
/// path (work waits behind a blocker in one or several per-shape queues and is granted as resources free up).
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private const int Batch = 100;

    private LocalScheduler _scheduler = null!;
    private ResourceShape[] _shapes = null!;
    private NoOpWork _single = null!;
    private NoOpWork[] _batch = null!;

    /// <summary>How many distinct shapes the queued work is spread over.</summary>
    [Params(1, 4)]
    public int Shapes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var custom = new Dictionary<string, double> { ["a"] = 8, ["b"] = 8, ["c"] = 8 };
        _scheduler = new LocalScheduler(new ResourcePool(ResourceShape.ToUnits(1), 0, 1L << 30, custom));
        _shapes =
        [
            ResourceShape.From(1, 0, 0, null, "bench"),
            ResourceShape.From(1, 0, 0, new Dictionary<string, double> { ["a"] = 1 }, "bench"),
            ResourceShape.From(1, 0, 0, new Dictionary<string, double> { ["b"] = 1 }, "bench"),
            ResourceShape.From(1, 0, 0, new Dictionary<string, double> { ["c"] = 1 }, "bench"),
        ];
        _single = new NoOpWork(_shapes[0]);
        _batch = new NoOpWork[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _batch[i] = new NoOpWork(_shapes[i % Shapes]);
        }
    }

    /// <summary>One work item that fits at once: granted, queued to the thread pool, released.</summary>
    [Benchmark]
    public void SubmitRelease()
    {
        _scheduler.Submit(_single);
        _scheduler.Release(_single.Allocation);
    }

    /// <summary>100 work items queued behind a blocker on a 1-CPU pool, then granted one by one as each is released.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void QueuedSubmitRelease()
    {
        var blocker = new NoOpWork(_shapes[0]);
        _scheduler.Submit(blocker);
        foreach (var work in _batch)
        {
            _scheduler.Submit(work);
        }

        _scheduler.Release(blocker.Allocation);
        foreach (var work in _batch)
        {
            _scheduler.Release(work.Allocation);
        }
    }
}
