namespace Loom.Jobs.Schedulers;

/// <summary>Text read from a replica's log.</summary>
/// <param name="Text">The text read (empty when nothing new was written).</param>
/// <param name="NextOffset">The byte offset to read from next.</param>
public sealed record LogChunk(string Text, long NextOffset);
