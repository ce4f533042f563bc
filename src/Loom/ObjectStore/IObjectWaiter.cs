namespace Loom.ObjectStore;

/// <summary>Something told once when an object becomes ready or failed.</summary>
internal interface IObjectWaiter
{
    void OnObjectCompleted(ObjectEntry entry);
}
