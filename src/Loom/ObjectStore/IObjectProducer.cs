namespace Loom.ObjectStore;

/// <summary>
/// What can make an object again when its only copy is lost (for task results: re-running the task
/// from its lineage). An entry may hold one; put objects never do.
/// </summary>
internal interface IObjectProducer
{
    /// <summary>
    /// Starts making <paramref name="entry"/> again. The entry is pending when this is called; on true
    /// the producer must later complete or fail it (through the store), on false the store fails it
    /// with an object-lost error. Must not block on the reconstruction itself.
    /// </summary>
    bool TryReconstruct(ObjectEntry entry);
}
