namespace Loom.ObjectStore;

/// <summary>The task or actor call that makes an object, as far as the object's holders may act on it.</summary>
internal interface IProducingWork
{
    /// <summary>Cancels the work (and, if asked, the tasks it submitted); false when it had already finished.</summary>
    bool Cancel(bool recursive);
}
