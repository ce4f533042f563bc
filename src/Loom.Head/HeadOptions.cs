using Loom.Jobs.Client;

namespace Loom.Head;

/// <summary>How a head starts.</summary>
public sealed record HeadOptions
{
    /// <summary>The state folder.</summary>
    public required LoomHome Home { get; init; }

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The CPUs to schedule; null for the machine's.</summary>
    public int? NumCpus { get; init; }

    /// <summary>The GPUs to schedule; null for the ones <c>nvidia-smi</c> reports (logical GPUs on machines without them).</summary>
    public int? NumGpus { get; init; }

    /// <summary>Custom resources of the node, name to amount.</summary>
    public IReadOnlyDictionary<string, double> Resources { get; init; } = new Dictionary<string, double>();

    /// <summary>The session name in job handles.</summary>
    public string Session { get; init; } = "loom";

    /// <summary>The queue policy: per-user GPU quotas and the starvation guard.</summary>
    public Loom.Jobs.Queue.QueuePolicyOptions Policy { get; init; } = new();

    /// <summary>How long replicas have between SIGTERM and SIGKILL.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);
}
