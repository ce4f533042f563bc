namespace Loom.Jobs.Specs;

/// <summary>A host path made visible inside a replica.</summary>
/// <param name="SrcPath">The path on the host.</param>
/// <param name="DstPath">The absolute path inside the replica.</param>
/// <param name="ReadOnly">Whether the replica may only read the mount.</param>
public sealed record BindMount(string SrcPath, string DstPath, bool ReadOnly = false);
