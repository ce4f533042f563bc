namespace Loom;

/// <summary>The result of a task or actor method that returns no value.</summary>
public readonly record struct Unit
{
    /// <summary>The only value of <see cref="Unit"/>.</summary>
    public static Unit Value => default;
}
