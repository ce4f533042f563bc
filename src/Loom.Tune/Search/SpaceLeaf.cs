namespace Loom.Tune.Search;

/// <summary>A leaf of a <see cref="SearchSpace"/>.</summary>
/// <param name="Name">The flat name, segments joined with <c>/</c>.</param>
/// <param name="Path">The segments.</param>
/// <param name="Entry">A <see cref="Domain"/> or a constant.</param>
internal sealed record SpaceLeaf(string Name, IReadOnlyList<string> Path, object? Entry);
