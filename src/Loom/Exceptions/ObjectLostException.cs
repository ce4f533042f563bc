using Loom.ObjectStore;

namespace Loom;

/// <summary>
/// An object's value is gone and cannot be made again: its only copy was spilled to disk and the spill
/// file can no longer be read, and the object was created with <c>Put</c> (which cannot be
/// reconstructed) or the task that made it could not be re-run.
/// </summary>
public sealed class ObjectLostException : LoomException
{
    internal ObjectLostException(ErrorInfo error)
        : base(error)
    {
        ObjectId = error.LostObject ?? default;
    }

    /// <summary>The lost object's id.</summary>
    public ObjectId ObjectId { get; }
}
