namespace Loom.Jobs.Specs;

/// <summary>A path, relative to the job's working directory, stored after the run.</summary>
/// <param name="Path">The relative file or folder path (a trailing <c>/</c> is allowed for folders).</param>
/// <param name="Destination">An optional absolute folder the output is copied to instead of the job's results folder.</param>
public sealed record OutputSpec(string Path, string? Destination = null);
