namespace Loom.ObjectStore;

/// <summary>The life of an object in the store.</summary>
internal enum ObjectState
{
    /// <summary>The task that makes the object has not finished.</summary>
    Pending = 0,

    /// <summary>The object's value is stored.</summary>
    Ready = 1,

    /// <summary>The task that should have made the object failed; getters see its error.</summary>
    Failed = 2,

    /// <summary>No reference remains; the value has been dropped.</summary>
    Freed = 3,
}
