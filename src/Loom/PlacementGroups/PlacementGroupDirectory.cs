using System.Collections.Concurrent;
using System.Globalization;
using Loom.Node;
using Loom.Worker;

namespace Loom.PlacementGroups;

/// <summary>The node's placement groups: creation (with the feasibility check), by id and by name.</summary>
internal sealed class PlacementGroupDirectory
{
    private readonly CoreRuntime _runtime;
    private readonly ConcurrentDictionary<PlacementGroupId, PlacementGroupInstance> _groups = new();
    private readonly ConcurrentDictionary<string, PlacementGroupInstance> _named = new(StringComparer.Ordinal);
    private long _sequence;

    public PlacementGroupDirectory(CoreRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>Checks the request, then queues the group's reservation.</summary>
    public PlacementGroupInstance Create(IEnumerable<Bundle> bundles, PlacementStrategy strategy, string? name)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        _runtime.ThrowIfStopping();
        Bundle[] list = [.. bundles];
        var owner = name is null ? "A placement group" : $"Placement group '{name}'";
        if (list.Length == 0)
        {
            throw new ArgumentException($"{owner} has no bundles; give at least one.", nameof(bundles));
        }

        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Use Pack, Spread, StrictPack or StrictSpread.");
        }

        var slots = new BundleSlot[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            var bundle = list[i] ?? throw new ArgumentException($"Bundle {i} of {owner} is null.", nameof(bundles));
            var shape = ResourceShape.From(bundle.Cpus, bundle.Gpus, bundle.MemoryBytes, bundle.CustomResources, $"Bundle {i} of {owner}");
            if (shape.Equals(ResourceShape.None))
            {
                throw new ArgumentException($"Bundle {i} of {owner} reserves nothing; give it CPUs, GPUs, memory or a custom resource.", nameof(bundles));
            }

            slots[i] = new BundleSlot(i, shape);
        }

        var total = CheckFeasible(owner, strategy, slots);
        var group = new PlacementGroupInstance(_runtime, new PlacementGroupId((ulong)Interlocked.Increment(ref _sequence)), name, strategy, list, slots);
        if (name is not null && !_named.TryAdd(name, group))
        {
            throw new ArgumentException($"A placement group named '{name}' already exists. Get it with GetPlacementGroup, remove it first, or pick another name.", nameof(name));
        }

        _groups[group.Id] = group;
        group.Start(total);
        return group;
    }

    public PlacementGroupInstance Get(string name) =>
        _named.TryGetValue(name, out var group)
            ? group
            : throw new KeyNotFoundException($"No placement group is named '{name}' (it was never created, or it was removed).");

    /// <summary>Drops a removed group from the directory and frees its name.</summary>
    public void Forget(PlacementGroupInstance group)
    {
        _groups.TryRemove(group.Id, out _);
        if (group.Name is { } name)
        {
            _named.TryRemove(new KeyValuePair<string, PlacementGroupInstance>(name, group));
        }
    }

    /// <summary>Removes every group (the cluster is stopping).</summary>
    public void RemoveAll(string reason)
    {
        foreach (var group in _groups.Values)
        {
            group.Remove(reason);
        }
    }

    /// <summary>
    /// Fails when the bundles could never be reserved together on this one node, whatever else runs:
    /// they are tried, in order, on an empty pool with the node's totals (as the reservation does).
    /// Returns the sum of the bundles.
    /// </summary>
    private ResourceShape CheckFeasible(string owner, PlacementStrategy strategy, BundleSlot[] slots)
    {
        var node = _runtime.Scheduler.Pool;
        string request;
        string totals;
        if (strategy == PlacementStrategy.StrictSpread && slots.Length > 1)
        {
            request = string.Join("; ", slots.Select(slot => $"{slot.Index}: {slot.Shape}"));
            totals = node.TotalShape().ToString();
            throw new ResourcesInfeasibleException(
                string.Create(CultureInfo.InvariantCulture, $"{owner} can never be created: STRICT_SPREAD needs each of its {slots.Length} bundles on its own node, and this cluster has 1 node ({_runtime.NodeName}: [{totals}]). Use Spread or Pack for best effort on one node, or a single bundle."),
                request,
                totals);
        }

        var sum = slots.Length == 1
            ? slots[0].Shape
            : new ResourceShape(
                slots.Sum(s => s.Shape.Cpu),
                slots.Sum(s => s.Shape.Gpu),
                slots.Sum(s => s.Shape.Memory),
                [.. slots.SelectMany(s => s.Shape.Custom).GroupBy(kv => kv.Key, StringComparer.Ordinal).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(kv => kv.Value))).OrderBy(kv => kv.Key, StringComparer.Ordinal)]);
        if (slots.Length == 1 ? node.Infeasibility(sum) is null : Fits(node.EmptyCopy(), slots))
        {
            return sum;
        }

        request = string.Join("; ", slots.Select(slot => $"{slot.Index}: {slot.Shape}"));
        totals = node.TotalShape().ToString();

        var problems = node.Infeasibility(sum) ?? "the bundles' GPUs cannot be packed onto the node's GPUs (each bundle needs whole GPUs, or one GPU with room for its fraction)";
        throw new ResourcesInfeasibleException(
            $"{owner} can never be created: its bundles [{request}] together need [{sum}] but the node has [{totals}] in total ({problems}). Ask for less, or start the cluster with more resources (LocalClusterOptions).",
            request,
            totals);
    }

    private static bool Fits(ResourcePool trial, BundleSlot[] slots)
    {
        foreach (var slot in slots)
        {
            if (!trial.TryAcquire(slot.Shape, out _))
            {
                return false;
            }
        }

        return true;
    }
}
