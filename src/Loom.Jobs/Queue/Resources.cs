namespace Loom.Jobs.Queue;

/// <summary>An amount of GPUs, CPUs and memory.</summary>
/// <param name="Gpus">Whole GPUs.</param>
/// <param name="Cpus">CPUs.</param>
/// <param name="MemoryMb">Memory in MiB.</param>
internal sealed record Resources(int Gpus, int Cpus, long MemoryMb);
