namespace Loom;

/// <summary>Options for a remote task: its name and the resources it needs while it runs.</summary>
public sealed record TaskOptions
{
    /// <summary>The default options: one CPU, no GPU, no memory reservation.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>A name shown in errors, logs and the status summary; defaults to the method name.</summary>
    public string? Name { get; init; }

    /// <summary>CPUs held while the task runs (default 1; may be fractional or 0).</summary>
    public double Cpus { get; init; } = 1;

    /// <summary>GPUs held while the task runs. Values below 1 share one GPU; values of 1 or more must be whole.</summary>
    public double Gpus { get; init; }

    /// <summary>Memory reserved while the task runs, in bytes (a scheduling reservation, not a limit).</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Custom resources held while the task runs, by name (for example <c>{"accelerator_a": 1}</c>).</summary>
    public IReadOnlyDictionary<string, double>? CustomResources { get; init; }

    /// <summary>
    /// How many times the task is re-run after a failure that may be retried (default 3; -1 without
    /// limit; 0 never). System failures (its worker process died) are always retried; exceptions thrown
    /// by the task's code only when <see cref="RetryExceptions"/> allows them. Cancelled tasks are never retried.
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Which exceptions of the task's own code are retried (default: none).</summary>
    public ExceptionRetryPolicy RetryExceptions { get; init; } = ExceptionRetryPolicy.None;

    /// <summary>The wait before each retry (default: 100 ms, doubling, at most 10 s).</summary>
    public RetryBackoff RetryBackoff { get; init; } = RetryBackoff.Default;

    /// <summary>Where the task runs: default, spread, node affinity or a placement-group bundle (null: default).</summary>
    public SchedulingStrategy? SchedulingStrategy { get; init; }

    /// <summary>Where the task runs; null (the default) uses <see cref="LocalClusterOptions.DefaultIsolation"/>.</summary>
    public IsolationMode? Isolation { get; init; }
}
