namespace Loom;

/// <summary>Options for an actor: its name, the resources it holds for its lifetime and its concurrency.</summary>
public sealed record ActorOptions
{
    /// <summary>The default options: unnamed, no resources held, one call at a time.</summary>
    public static ActorOptions Default { get; } = new();

    /// <summary>A name that makes the actor discoverable with <see cref="LoomCluster.GetActor{T}(string, string?)"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The namespace the name lives in (default <c>"default"</c>).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>
    /// When true and an actor with the same name exists, that actor is returned instead of an error
    /// (get-or-create).
    /// </summary>
    public bool GetIfExists { get; init; }

    /// <summary>CPUs held for the actor's lifetime (default 0, as Ray's actors hold no CPU while alive).</summary>
    public double Cpus { get; init; }

    /// <summary>GPUs held for the actor's lifetime. Values below 1 share one GPU; values of 1 or more must be whole.</summary>
    public double Gpus { get; init; }

    /// <summary>Memory reserved for the actor's lifetime, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Custom resources held for the actor's lifetime, by name.</summary>
    public IReadOnlyDictionary<string, double>? CustomResources { get; init; }

    /// <summary>
    /// How many calls may run at once (default 1: calls run one at a time in submission order).
    /// Above 1, calls run concurrently, on threads for synchronous methods and interleaved for async ones.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Where the actor lives: default, spread, node affinity or a placement-group bundle (null: default).</summary>
    public SchedulingStrategy? SchedulingStrategy { get; init; }

    /// <summary>Where the actor runs; null (the default) uses <see cref="LocalClusterOptions.DefaultIsolation"/>.</summary>
    public IsolationMode? Isolation { get; init; }

    /// <summary>
    /// How many times an actor running in its own process is restarted (its constructor re-run in a
    /// new process) after that process dies: 0 (the default) never, -1 without limit. State is not restored.
    /// </summary>
    public int MaxRestarts { get; init; }

    /// <summary>
    /// How many times a call in flight when the actor's process died is sent again to the restarted
    /// actor: 0 (the default) fails it (at-most-once), above 0 or -1 (no limit) retries it in
    /// submission order (at-least-once).
    /// </summary>
    public int MaxTaskRetries { get; init; }
}
