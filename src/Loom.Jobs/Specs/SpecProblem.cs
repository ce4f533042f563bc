namespace Loom.Jobs.Specs;

/// <summary>One thing wrong with an app definition.</summary>
/// <param name="Path">The field path, for example <c>roles[0].resource.gpu</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record SpecProblem(string Path, string Message, string Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message} ({Fix})";
}
