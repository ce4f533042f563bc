using System.Globalization;

namespace Loom;

/// <summary>An object does not fit in the object store, even after unreferenced objects were collected.</summary>
public sealed class ObjectStoreFullException : LoomException
{
    /// <summary>Creates the error for an object of <paramref name="requested"/> bytes.</summary>
    public ObjectStoreFullException(long requested, long used, long capacity)
        : base(string.Create(CultureInfo.InvariantCulture, $"The object store cannot take an object of {requested:N0} bytes: {used:N0} of {capacity:N0} bytes are in use. Release ObjectRefs you no longer need (Dispose), or raise LocalClusterOptions.ObjectStoreMemoryBytes."))
    {
        RequestedBytes = requested;
        CapacityBytes = capacity;
    }

    /// <summary>The size of the object that did not fit.</summary>
    public long RequestedBytes { get; }

    /// <summary>The store's capacity.</summary>
    public long CapacityBytes { get; }
}
