namespace Loom.Jobs.Specs;

/// <summary>What is restarted when a replica fails, as in TorchX.</summary>
public enum RetryPolicy
{
    /// <summary>Restart the whole application (every role) when any replica fails.</summary>
    Application,

    /// <summary>Restart only the replica that failed.</summary>
    Replica,

    /// <summary>Restart every replica of the role whose replica failed.</summary>
    Role,
}
