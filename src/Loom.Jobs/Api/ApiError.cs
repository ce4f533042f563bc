namespace Loom.Jobs.Api;

/// <summary>The body of every error answer of the API.</summary>
/// <param name="Error">What went wrong and how to fix it.</param>
public sealed record ApiError(string Error);
