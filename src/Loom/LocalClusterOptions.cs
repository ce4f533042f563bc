using MessagePack;
using Microsoft.Extensions.Logging;

namespace Loom;

/// <summary>How to size and run an embedded one-node Loom cluster.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>CPUs the node offers; defaults to the machine's logical processors.</summary>
    public double? NumCpus { get; init; }

    /// <summary>
    /// GPUs the node offers; defaults to the GPUs <c>nvidia-smi</c> reports, or 0 without it.
    /// Set it on a machine without GPUs to get logical GPUs (ids 0..N-1) for scheduling.
    /// </summary>
    public int? NumGpus { get; init; }

    /// <summary>Memory the node offers for reservations, in bytes; defaults to 70% of the memory available to the process.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Custom resources the node offers, by name (for example <c>{"accelerator_a": 2}</c>).</summary>
    public IReadOnlyDictionary<string, double>? CustomResources { get; init; }

    /// <summary>The object store's capacity in bytes; defaults to 30% of the memory available to the process.</summary>
    public long? ObjectStoreMemoryBytes { get; init; }

    /// <summary>
    /// Where objects are spilled when the store's memory is full: a folder made for this cluster under
    /// this directory and removed at disposal. Defaults to the temporary directory.
    /// </summary>
    public string? ObjectSpillDirectory { get; init; }

    /// <summary>The most bytes spilled objects may take on disk; defaults to no limit but the disk's own.</summary>
    public long? ObjectSpillDiskBytes { get; init; }

    /// <summary>The node's name in contexts, logs and status; defaults to the machine name.</summary>
    public string? NodeName { get; init; }

    /// <summary>How long disposal waits for running tasks to finish (default 30 seconds).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where Loom logs; defaults to no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for timeouts; tests pass a fake one. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Extra MessagePack formatters for types the default contract-less serializer cannot handle.</summary>
    public IFormatterResolver? SerializerResolver { get; init; }

    /// <summary>Where tasks and actors run when their options do not say (default <see cref="IsolationMode.InProcess"/>).</summary>
    public IsolationMode DefaultIsolation { get; init; }

    /// <summary>
    /// The command line that starts a worker process (for example <c>["dotnet", "exec", "/opt/loom/Loom.Cli.dll"]</c>);
    /// the node appends <c>worker</c>. Null finds <c>Loom.Cli.dll</c> next to <c>Loom.dll</c>, else <c>loom</c> on the PATH.
    /// </summary>
    public IReadOnlyList<string>? WorkerCommand { get; init; }
}
