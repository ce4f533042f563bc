namespace Loom.Jobs.Slurm.Options;

/// <summary>The keys of the Slurm scheduler's run options (<c>-cfg key=value</c>).</summary>
internal static class SlurmRunOptionNames
{
    public const string Partition = "partition";
    public const string Qos = "qos";
    public const string Account = "account";
    public const string Constraint = "constraint";
    public const string Comment = "comment";
    public const string MailUser = "mail_user";
    public const string MailType = "mail_type";
    public const string JobDir = "job_dir";
    public const string TimeLimit = "time_limit";

    /// <summary>TorchX's name for <see cref="TimeLimit"/>.</summary>
    public const string Time = "time";
    public const string MaxRetries = "max_retries";
    public const string GpuFlag = "gpu_flag";
    public const string NoMem = "nomem";
    public const string Exclusive = "exclusive";
}
