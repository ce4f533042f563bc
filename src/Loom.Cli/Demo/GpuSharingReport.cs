namespace Loom.Cli.Demo;

/// <summary>The outcome of <see cref="GpuSharingCheck"/>.</summary>
internal sealed record GpuSharingReport(bool NoGpuShared, string? Conflict, int PeakConcurrent);
