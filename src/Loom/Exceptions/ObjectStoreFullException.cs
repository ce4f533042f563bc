using System.Globalization;

namespace Loom;

/// <summary>
/// An object does not fit in the object store: memory is full of objects that cannot be spilled, or
/// the spill disk budget is used up, even after unreferenced objects were collected.
/// </summary>
public sealed class ObjectStoreFullException : LoomException
{
    /// <summary>Creates the error for an object of <paramref name="requested"/> bytes.</summary>
    public ObjectStoreFullException(long requested, long used, long capacity)
        : base(string.Create(CultureInfo.InvariantCulture, $"The object store cannot take an object of {requested:N0} bytes: {used:N0} of {capacity:N0} bytes are in use. Release ObjectRefs you no longer need (Dispose), or raise LocalClusterOptions.ObjectStoreMemoryBytes."))
    {
        RequestedBytes = requested;
        CapacityBytes = capacity;
        UsedBytes = used;
        SpillDiskBudgetBytes = long.MaxValue;
    }

    /// <summary>Creates the error for an object of <paramref name="requested"/> bytes, with the memory and spill disk figures.</summary>
    public ObjectStoreFullException(long requested, long used, long capacity, long diskUsed, long diskBudget, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"The object store is out of space for an object of {requested:N0} bytes ({reason}): memory {used:N0} of {capacity:N0} bytes in use, spill disk {diskUsed:N0} of {(diskBudget == long.MaxValue ? "unlimited" : diskBudget.ToString("N0", CultureInfo.InvariantCulture))} bytes in use. Release ObjectRefs you no longer need (Dispose), or raise LocalClusterOptions.ObjectStoreMemoryBytes or LocalClusterOptions.ObjectSpillDiskBytes."))
    {
        RequestedBytes = requested;
        CapacityBytes = capacity;
        UsedBytes = used;
        SpillDiskUsedBytes = diskUsed;
        SpillDiskBudgetBytes = diskBudget;
    }

    /// <summary>The size of the object that did not fit.</summary>
    public long RequestedBytes { get; }

    /// <summary>The store's capacity.</summary>
    public long CapacityBytes { get; }

    /// <summary>The bytes in memory when the object did not fit.</summary>
    public long UsedBytes { get; }

    /// <summary>The bytes of spill files on disk when the object did not fit.</summary>
    public long SpillDiskUsedBytes { get; }

    /// <summary>The spill disk budget (<see cref="long.MaxValue"/> when unlimited).</summary>
    public long SpillDiskBudgetBytes { get; }
}
