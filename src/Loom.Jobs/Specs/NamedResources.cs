namespace Loom.Jobs.Specs;

/// <summary>The generic named resources of TorchX (<c>gpu.small</c> … <c>cpu.xlarge</c>).</summary>
public static class NamedResources
{
    private const int GiB = 1024;

    private static readonly Dictionary<string, Resource> Table = new(StringComparer.Ordinal)
    {
        ["gpu.small"] = new() { Cpu = 8, Gpu = 1, MemMB = 32 * GiB },
        ["gpu.medium"] = new() { Cpu = 16, Gpu = 2, MemMB = 64 * GiB },
        ["gpu.large"] = new() { Cpu = 32, Gpu = 4, MemMB = 128 * GiB },
        ["gpu.xlarge"] = new() { Cpu = 64, Gpu = 8, MemMB = 256 * GiB },
        ["cpu.nano"] = new() { Cpu = 1, Gpu = 0, MemMB = 512 },
        ["cpu.micro"] = new() { Cpu = 1, Gpu = 0, MemMB = 1 * GiB },
        ["cpu.small"] = new() { Cpu = 1, Gpu = 0, MemMB = 2 * GiB },
        ["cpu.medium"] = new() { Cpu = 2, Gpu = 0, MemMB = 4 * GiB },
        ["cpu.large"] = new() { Cpu = 2, Gpu = 0, MemMB = 8 * GiB },
        ["cpu.xlarge"] = new() { Cpu = 8, Gpu = 0, MemMB = 32 * GiB },
    };

    /// <summary>The names of every named resource, in table order.</summary>
    public static IReadOnlyCollection<string> Names => Table.Keys;

    /// <summary>Looks a named resource up.</summary>
    /// <param name="name">A name such as <c>gpu.small</c>.</param>
    /// <param name="resource">The resource, when found.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resource? resource) =>
        Table.TryGetValue(name, out resource);

    /// <summary>Returns a named resource.</summary>
    /// <param name="name">A name such as <c>gpu.small</c>.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Resource Get(string name) =>
        TryGet(name, out var resource)
            ? resource
            : throw new ArgumentException(
                $"unknown named resource \"{name}\"; known: {string.Join(", ", Table.Keys)}", nameof(name));
}
