namespace Loom;

/// <summary>A placement group was removed: it will never be ready and no work can run in it.</summary>
public sealed class PlacementGroupRemovedException : LoomException
{
    /// <summary>Creates the error with a message naming the group.</summary>
    /// <param name="message">The message.</param>
    public PlacementGroupRemovedException(string message)
        : base(message)
    {
    }
}
