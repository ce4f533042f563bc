namespace Loom.Jobs.Staging;

/// <summary>Where one output was stored, or why it was not.</summary>
/// <param name="Path">The output's path as written in the spec.</param>
/// <param name="StoredAt">The full paths of the copies, one per replica that wrote the output.</param>
/// <param name="Missing">Why nothing was stored, such as <c>no replica wrote model.pt</c>; null when something was.</param>
public sealed record StoredOutput(string Path, IReadOnlyList<string> StoredAt, string? Missing);
