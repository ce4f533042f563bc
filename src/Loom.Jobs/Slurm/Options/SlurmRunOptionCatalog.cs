using Loom.Jobs.Schedulers;
using N = Loom.Jobs.Slurm.Options.SlurmRunOptionNames;

namespace Loom.Jobs.Slurm.Options;

/// <summary>The Slurm scheduler's run options as <c>loom runopts -s slurm</c> lists them.</summary>
internal static class SlurmRunOptionCatalog
{
    public static IReadOnlyList<RunOptionInfo> All { get; } =
    [
        new(N.Partition, "str", "(the cluster's default)", "The partition to run in (--partition)."),
        new(N.Qos, "str", "", "The quality of service (--qos)."),
        new(N.Account, "str", "", "The account charged (--account)."),
        new(N.Constraint, "str", "", "Node features the nodes must have (--constraint)."),
        new(N.Comment, "str", "", "A comment on the job (--comment)."),
        new(N.MailUser, "str", "", "Who Slurm mails about the job (--mail-user)."),
        new(N.MailType, "str", "", "Which events are mailed: BEGIN, END, FAIL, ALL, … (--mail-type)."),
        new(N.JobDir, "str", "$LOOM_HOME/slurm/jobs", "Where the batch script, the replicas' logs and the checkpoints go; must be visible to every node."),
        new(N.TimeLimit, "duration", "(the app's time limit, else the partition's)", "The longest the job may run: 90s, 30m, 2h, 1d, plain minutes or Slurm's D-HH:MM:SS (--time); at most 365 days. 'time' is taken too."),
        new(N.MaxRetries, "int", "(the roles' max_retries)", "How often a failed job is requeued (scontrol requeue); > 0 adds --requeue, 0 adds --no-requeue."),
        new(N.GpuFlag, "str", "gres", "How GPUs are asked: 'gres' (--gres=gpu:N) or 'gpus-per-task' (--gpus-per-task=N)."),
        new(N.NoMem, "bool", "false", "Do not pass --mem (for clusters that forbid it); the partition's default memory applies."),
        new(N.Exclusive, "bool", "false", "Give each replica whole nodes (--exclusive)."),
    ];

    /// <summary>The keys taken, with <c>time</c> as an alias of <c>time_limit</c>.</summary>
    public static IReadOnlyCollection<string> Keys { get; } = [.. All.Select(o => o.Name), N.Time];
}
