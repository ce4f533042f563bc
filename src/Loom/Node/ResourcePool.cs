using System.Globalization;

namespace Loom.Node;

/// <summary>
/// Resources to hand out: totals, what is free, and which GPU ids are free (per GPU, in fixed-point
/// units so fractional requests share a GPU). The node has one; each placement-group bundle has one
/// over the amounts it reserved, with the node's GPU ids (a bundle's GPU may be a fraction of one).
/// Not thread-safe: the scheduler guards it with its lock.
/// </summary>
internal sealed class ResourcePool
{
    private readonly int[] _gpuIds;
    private readonly long[] _gpuCapacity;
    private readonly long[] _gpuFree;
    private readonly Dictionary<string, long> _customFree;
    private readonly Dictionary<string, long> _customTotal;

    /// <summary>A node's pool: <paramref name="gpus"/> whole GPUs with ids 0 to gpus - 1.</summary>
    public ResourcePool(long cpu, int gpus, long memory, IReadOnlyDictionary<string, double> custom)
        : this(
            cpu,
            [.. Enumerable.Range(0, gpus).Select(id => (id, ResourceShape.UnitsPerWhole))],
            memory,
            custom.ToDictionary(kv => kv.Key, kv => ResourceShape.ToUnits(kv.Value), StringComparer.Ordinal))
    {
    }

    /// <summary>A pool over explicit GPUs: (id, capacity in units) pairs; custom amounts in units.</summary>
    public ResourcePool(long cpu, IReadOnlyList<(int Id, long Capacity)> gpus, long memory, IReadOnlyDictionary<string, long> customUnits)
    {
        TotalCpu = FreeCpu = cpu;
        TotalMemory = FreeMemory = memory;
        _gpuIds = [.. gpus.Select(g => g.Id)];
        _gpuCapacity = [.. gpus.Select(g => g.Capacity)];
        _gpuFree = [.. _gpuCapacity];
        TotalGpu = _gpuCapacity.Sum();
        _customTotal = new Dictionary<string, long>(customUnits, StringComparer.Ordinal);
        _customFree = new Dictionary<string, long>(_customTotal, StringComparer.Ordinal);
    }

    /// <summary>A pool over exactly <paramref name="shape"/>, on the GPUs <paramref name="gpuIds"/>.</summary>
    public static ResourcePool Over(ResourceShape shape, int[] gpuIds)
    {
        var perGpu = shape.Gpu >= ResourceShape.UnitsPerWhole ? ResourceShape.UnitsPerWhole : shape.Gpu;
        return new ResourcePool(
            shape.Cpu,
            [.. gpuIds.Select(id => (id, perGpu))],
            shape.Memory,
            shape.Custom.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>A fresh pool with this one's totals, nothing taken (to test whether requests could ever fit together).</summary>
    public ResourcePool EmptyCopy() =>
        new(TotalCpu, [.. _gpuIds.Zip(_gpuCapacity)], TotalMemory, _customTotal);

    /// <summary>The totals as a shape (for messages).</summary>
    public ResourceShape TotalShape() =>
        new(TotalCpu, TotalGpu, TotalMemory, [.. _customTotal.OrderBy(kv => kv.Key, StringComparer.Ordinal)]);

    public long TotalCpu { get; }

    public long FreeCpu { get; private set; }

    public long TotalMemory { get; }

    public long FreeMemory { get; private set; }

    public int GpuCount => _gpuFree.Length;

    public long TotalGpu { get; }

    public long FreeGpu
    {
        get
        {
            long sum = 0;
            foreach (var free in _gpuFree)
            {
                sum += free;
            }

            return sum;
        }
    }

    public IReadOnlyDictionary<string, long> CustomTotal => _customTotal;

    public IReadOnlyDictionary<string, long> CustomFree => _customFree;

    /// <summary>Whether the request could ever fit on this node; if not, the reason.</summary>
    public string? Infeasibility(ResourceShape shape)
    {
        var problems = new List<string>();
        if (shape.Cpu > TotalCpu)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"CPU {ResourceShape.FromUnits(shape.Cpu)} > {ResourceShape.FromUnits(TotalCpu)}"));
        }

        if (shape.Gpu > TotalGpu)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"GPU {ResourceShape.FromUnits(shape.Gpu)} > {ResourceShape.FromUnits(TotalGpu)}"));
        }
        else if (shape.Gpu > 0 && !GpusCouldHold(shape.Gpu))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"GPU {ResourceShape.FromUnits(shape.Gpu)} does not fit the GPUs' capacities ({string.Join(", ", _gpuCapacity.Select(ResourceShape.FromUnits))})"));
        }

        if (shape.Memory > TotalMemory)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"memory {shape.Memory} B > {TotalMemory} B"));
        }

        foreach (var (name, amount) in shape.Custom)
        {
            var total = _customTotal.GetValueOrDefault(name);
            if (amount > total)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {ResourceShape.FromUnits(amount)} > {ResourceShape.FromUnits(total)}"));
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    public bool TryAcquire(ResourceShape shape, out ResourceAllocation allocation)
    {
        allocation = ResourceAllocation.None;
        if (shape.Cpu > FreeCpu || shape.Memory > FreeMemory)
        {
            return false;
        }

        foreach (var (name, amount) in shape.Custom)
        {
            if (_customFree.GetValueOrDefault(name) < amount)
            {
                return false;
            }
        }

        int[] gpuIds = [];
        if (shape.Gpu > 0 && !TryTakeGpus(shape.Gpu, out gpuIds))
        {
            return false;
        }

        FreeCpu -= shape.Cpu;
        FreeMemory -= shape.Memory;
        foreach (var (name, amount) in shape.Custom)
        {
            _customFree[name] -= amount;
        }

        allocation = shape == ResourceShape.None ? ResourceAllocation.None : new ResourceAllocation(shape, gpuIds);
        return true;
    }

    public void Release(ResourceAllocation allocation)
    {
        var shape = allocation.Shape;
        if (!allocation.CpuLentBack)
        {
            FreeCpu += shape.Cpu;
        }

        allocation.CpuLentBack = false;
        FreeMemory += shape.Memory;
        foreach (var (name, amount) in shape.Custom)
        {
            _customFree[name] += amount;
        }

        if (shape.Gpu > 0)
        {
            var perGpu = shape.Gpu >= ResourceShape.UnitsPerWhole ? ResourceShape.UnitsPerWhole : shape.Gpu;
            foreach (var id in allocation.GpuIds)
            {
                _gpuFree[Array.IndexOf(_gpuIds, id)] += perGpu;
            }
        }
    }

    /// <summary>Gives a blocked task's CPUs back to the pool.</summary>
    public void LendCpu(ResourceAllocation allocation)
    {
        FreeCpu += allocation.Shape.Cpu;
        allocation.CpuLentBack = true;
    }

    /// <summary>Takes a resumed task's CPUs back, if they are free.</summary>
    public bool TryReclaimCpu(ResourceAllocation allocation)
    {
        if (allocation.Shape.Cpu > FreeCpu)
        {
            return false;
        }

        FreeCpu -= allocation.Shape.Cpu;
        allocation.CpuLentBack = false;
        return true;
    }

    /// <summary>Whether the GPUs, all free, could hold the request (whole GPUs by count, a fraction on one GPU).</summary>
    private bool GpusCouldHold(long units) =>
        units >= ResourceShape.UnitsPerWhole
            ? _gpuCapacity.Count(c => c == ResourceShape.UnitsPerWhole) >= units / ResourceShape.UnitsPerWhole
            : _gpuCapacity.Any(c => c >= units);

    private bool TryTakeGpus(long units, out int[] ids)
    {
        ids = [];
        if (units >= ResourceShape.UnitsPerWhole)
        {
            var count = (int)(units / ResourceShape.UnitsPerWhole);
            var chosen = new List<int>(count);
            for (var i = 0; i < _gpuFree.Length && chosen.Count < count; i++)
            {
                if (_gpuFree[i] == ResourceShape.UnitsPerWhole)
                {
                    chosen.Add(i);
                }
            }

            if (chosen.Count < count)
            {
                return false;
            }

            foreach (var slot in chosen)
            {
                _gpuFree[slot] = 0;
            }

            ids = [.. chosen.Select(slot => _gpuIds[slot])];
            return true;
        }

        // Fractional: best fit, so partly used GPUs fill up before a whole one is broken into.
        var best = -1;
        for (var i = 0; i < _gpuFree.Length; i++)
        {
            if (_gpuFree[i] >= units && (best < 0 || _gpuFree[i] < _gpuFree[best]))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        _gpuFree[best] -= units;
        ids = [_gpuIds[best]];
        return true;
    }
}
