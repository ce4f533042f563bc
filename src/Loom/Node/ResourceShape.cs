using System.Globalization;
using System.Text;

namespace Loom.Node;

/// <summary>
/// A resource request in fixed-point units (1 unit = 1/10,000 of a CPU, GPU or custom resource;
/// memory in bytes). Value equality makes it the key of the scheduler's per-shape queues.
/// </summary>
internal sealed class ResourceShape : IEquatable<ResourceShape>
{
    public const long UnitsPerWhole = 10_000;

    private readonly int _hash;

    public ResourceShape(long cpu, long gpu, long memory, KeyValuePair<string, long>[] custom)
    {
        Cpu = cpu;
        Gpu = gpu;
        Memory = memory;
        Custom = custom;
        var hash = HashCode.Combine(cpu, gpu, memory);
        foreach (var (name, amount) in custom)
        {
            hash = HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(name), amount);
        }

        _hash = hash;
    }

    public static ResourceShape None { get; } = new(0, 0, 0, []);

    public long Cpu { get; }

    public long Gpu { get; }

    public long Memory { get; }

    /// <summary>Custom resources, sorted by name.</summary>
    public KeyValuePair<string, long>[] Custom { get; }

    public static long ToUnits(double amount) => (long)Math.Round(amount * UnitsPerWhole);

    public static double FromUnits(long units) => units / (double)UnitsPerWhole;

    public static ResourceShape From(double cpus, double gpus, long memoryBytes, IReadOnlyDictionary<string, double>? custom, string owner)
    {
        Check(cpus, "CPUs", owner);
        Check(gpus, "GPUs", owner);
        if (gpus > 1 && Math.Abs(gpus - Math.Round(gpus)) > 1e-9)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{owner} asks for {gpus} GPUs: a request above one GPU must be a whole number (fractions are for sharing a single GPU). Ask for {Math.Ceiling(gpus)} or for less than 1."));
        }

        if (memoryBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(memoryBytes), memoryBytes, $"{owner} asks for negative memory; give a number of bytes of 0 or more.");
        }

        var customUnits = new List<KeyValuePair<string, long>>();
        if (custom is not null)
        {
            foreach (var (name, amount) in custom)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new ArgumentException($"{owner} asks for a custom resource with an empty name; name every custom resource.");
                }

                Check(amount, $"custom resource '{name}'", owner);
                if (amount > 0)
                {
                    customUnits.Add(new(name, ToUnits(amount)));
                }
            }
        }

        customUnits.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new ResourceShape(ToUnits(cpus), ToUnits(gpus), memoryBytes, [.. customUnits]);
    }

    public bool Equals(ResourceShape? other) =>
        other is not null && other._hash == _hash && other.Cpu == Cpu && other.Gpu == Gpu && other.Memory == Memory
        && Custom.AsSpan().SequenceEqual(other.Custom);

    public override bool Equals(object? obj) => Equals(obj as ResourceShape);

    public override int GetHashCode() => _hash;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"CPU={FromUnits(Cpu)}, GPU={FromUnits(Gpu)}, memory={Memory} B");
        foreach (var (name, amount) in Custom)
        {
            text.Append(CultureInfo.InvariantCulture, $", {name}={FromUnits(amount)}");
        }

        return text.ToString();
    }

    private static void Check(double amount, string what, string owner)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount) || amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{owner} asks for {amount} {what}; give a finite number of 0 or more.");
        }
    }
}
