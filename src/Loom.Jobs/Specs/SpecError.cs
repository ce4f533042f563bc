namespace Loom.Jobs.Specs;

/// <summary>A problem in an app spec file, located by line and column.</summary>
/// <param name="Source">The file name (or another label for the text).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Path">The field path, for example <c>roles[0].resource.gpu</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong, and how to fix it where known.</param>
public sealed record SpecError(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary>The error as <c>file:line:column: path: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() =>
        Path.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Path}: {Message}";
}
