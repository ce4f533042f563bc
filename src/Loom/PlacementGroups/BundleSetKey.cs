using Loom.Node;

namespace Loom.PlacementGroups;

/// <summary>The scheduler queue key of a group reservation: groups with the same bundles share a FIFO queue.</summary>
internal sealed class BundleSetKey : IEquatable<BundleSetKey>
{
    private readonly ResourceShape[] _shapes;
    private readonly int _hash;

    public BundleSetKey(ResourceShape[] shapes)
    {
        _shapes = shapes;
        var hash = shapes.Length;
        foreach (var shape in shapes)
        {
            hash = HashCode.Combine(hash, shape);
        }

        _hash = hash;
    }

    public bool Equals(BundleSetKey? other) => other is not null && other._hash == _hash && _shapes.AsSpan().SequenceEqual(other._shapes);

    public override bool Equals(object? obj) => Equals(obj as BundleSetKey);

    public override int GetHashCode() => _hash;
}
