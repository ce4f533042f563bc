namespace Loom.Actors;

/// <summary>The life of an actor.</summary>
internal enum ActorState
{
    /// <summary>Waiting for its resources, or running its constructor; calls queue up.</summary>
    Pending,

    /// <summary>Serving calls.</summary>
    Alive,

    /// <summary>Killed or failed; every call fails with an actor-died error.</summary>
    Dead,
}
