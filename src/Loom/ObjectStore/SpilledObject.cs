using Loom.Serialization;

namespace Loom.ObjectStore;

/// <summary>
/// An object's disk copy and what is needed to read it back: the file, how its bytes were written and
/// the nested refs it holds (kept alive while the object is on disk).
/// </summary>
/// <param name="File">The spill file.</param>
/// <param name="Format">How the bytes were written.</param>
/// <param name="ContainedRefs">The entries of the refs nested in the value; the object holds one reference to each.</param>
internal sealed record SpilledObject(SpillFile File, SerializedFormat Format, ObjectEntry[] ContainedRefs)
{
    public int Length => (int)File.Length;
}
