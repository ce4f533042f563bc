namespace Loom.Jobs.Specs;

/// <summary>A homogeneous group of replicas running one entrypoint, as TorchX's <c>Role</c>.</summary>
public sealed record Role
{
    /// <summary>The role's name, unique within its app.</summary>
    public required string Name { get; init; }

    /// <summary>The image (container image, or a folder for local runs); empty to run on the host as is.</summary>
    public string Image { get; init; } = "";

    /// <summary>The program each replica runs.</summary>
    public required string Entrypoint { get; init; }

    /// <summary>The program's arguments; macros such as <c>${replica_id}</c> are substituted per replica.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Environment variables; values may hold macros.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>How many replicas to run.</summary>
    public int NumReplicas { get; init; } = 1;

    /// <summary>The fewest replicas the role may run with (elastic roles); null when it needs all of them.</summary>
    public int? MinReplicas { get; init; }

    /// <summary>How many times a failure is retried.</summary>
    public int MaxRetries { get; init; }

    /// <summary>What is restarted on a retry.</summary>
    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Application;

    /// <summary>What each replica needs.</summary>
    public Resource Resource { get; init; } = Resource.None;

    /// <summary>Named ports each replica listens on.</summary>
    public IReadOnlyDictionary<string, int> PortMap { get; init; } = new Dictionary<string, int>();

    /// <summary>Host paths mounted into each replica.</summary>
    public IReadOnlyList<BindMount> Mounts { get; init; } = [];

    /// <summary>Free-form metadata for schedulers.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
