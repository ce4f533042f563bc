namespace Loom.Jobs.Local;

/// <summary>The names of the environment variables each replica receives.</summary>
public static class ReplicaEnvironment
{
    /// <summary>The app's id.</summary>
    public const string AppId = "LOOM_APP_ID";

    /// <summary>The replica's index within its role.</summary>
    public const string ReplicaId = "LOOM_REPLICA_ID";

    /// <summary>The role's name.</summary>
    public const string RoleName = "LOOM_ROLE_NAME";

    /// <summary>The folder where replicas write checkpoints; it is kept when the job is halted.</summary>
    public const string CheckpointDir = "LOOM_CHECKPOINT_DIR";

    /// <summary>The replica's rank among all replicas of the app (roles in order, replicas in order).</summary>
    public const string Rank = "RANK";

    /// <summary>How many replicas the app has.</summary>
    public const string WorldSize = "WORLD_SIZE";

    /// <summary>The replica's rank on its host; every replica of a local run is on one host, so it equals <see cref="Rank"/>.</summary>
    public const string LocalRank = "LOCAL_RANK";

    /// <summary>The rank-0 replica's host; the <c>${rank0_env}</c> macro names this variable.</summary>
    public const string MasterAddr = "MASTER_ADDR";

    /// <summary>The rendezvous port, chosen once per app.</summary>
    public const string MasterPort = "MASTER_PORT";

    /// <summary>The replica's own GPUs, comma-separated; empty when it has none.</summary>
    public const string CudaVisibleDevices = "CUDA_VISIBLE_DEVICES";

    /// <summary>The last checkpoint of a resumed or retried job (the newest entry of its checkpoint folder).</summary>
    public const string ResumeFrom = "LOOM_RESUME_FROM";
}
