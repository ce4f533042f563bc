namespace Loom.Jobs.Queue;

/// <summary>A job the policy starts now, on these GPUs.</summary>
/// <param name="Job">The job.</param>
/// <param name="GpuIds">Its distinct GPUs, ascending.</param>
public sealed record JobStart(JobRecord Job, IReadOnlyList<int> GpuIds);
