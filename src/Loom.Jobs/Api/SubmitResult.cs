namespace Loom.Jobs.Api;

/// <summary>What a submission created.</summary>
/// <param name="Handle">The handle of the job, or of the array's first task for an array or batch.</param>
/// <param name="Jobs">The jobs, one per array task.</param>
public sealed record SubmitResult(string Handle, IReadOnlyList<JobView> Jobs);
