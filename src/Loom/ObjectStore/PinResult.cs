namespace Loom.ObjectStore;

/// <summary>What an attempt to pin an object in memory found.</summary>
internal enum PinResult
{
    /// <summary>The value is in memory and now pinned.</summary>
    Pinned,

    /// <summary>The value is ready but only on disk: restore it first.</summary>
    OnDisk,

    /// <summary>The object has no value (pending, being reconstructed, failed or freed).</summary>
    NotReady,
}
