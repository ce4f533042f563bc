namespace Loom.Jobs.Slurm;

/// <summary>
/// Slurm's reason codes (why a job waits, or why it ended as it did) as sentences a user understands, with the
/// code kept in front: <c>Resources: waiting for resources: the nodes that can run it are busy</c>.
/// </summary>
public static class SlurmReasons
{
    private static readonly Dictionary<string, string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Resources"] = "waiting for resources: the nodes that can run it are busy",
        ["Priority"] = "waiting behind higher-priority jobs",
        ["Dependency"] = "waiting for the jobs it depends on",
        ["DependencyNeverSatisfied"] = "a job it depends on ended in a way that can never satisfy the dependency; it will not start unless the dependency is changed",
        ["BeginTime"] = "waiting for the start time it asked for (a requeued job also waits a little before it starts again)",
        ["JobHeldUser"] = "held by its user; release it (scontrol release) to let it run",
        ["JobHeldAdmin"] = "held by an administrator",
        ["PartitionConfig"] = "the partition cannot run a job of this shape: it asks for more nodes, CPUs, memory or time than the partition allows, or for an account or QOS the partition does not take",
        ["PartitionNodeLimit"] = "it asks for more or fewer nodes than the partition allows",
        ["PartitionTimeLimit"] = "it asks for more time than the partition allows",
        ["PartitionDown"] = "its partition is down",
        ["PartitionInactive"] = "its partition is inactive",
        ["JobArrayTaskLimit"] = "the array already runs as many tasks as its %-limit allows",
        ["Reservation"] = "waiting for its reservation to start",
        ["Licenses"] = "waiting for licenses",
        ["BadConstraints"] = "its constraints can never be met by any node",
        ["InvalidAccount"] = "its account is not valid",
        ["InvalidQOS"] = "its QOS is not valid",
        ["Cleaning"] = "being cleaned up after an earlier run before it may run again",
        ["launch failed requeued held"] = "its launch failed; it was requeued and held",
        ["NodeDown"] = "a node it needs or ran on is down",
        ["NonZeroExitCode"] = "it exited with a non-zero exit code",
        ["TimeLimit"] = "it ran past its time limit",
        ["JobLaunchFailure"] = "it could not be launched",
        ["OutOfMemory"] = "it ran out of memory",
        ["RaisedSignal"] = "it was ended by a signal",
        ["DeadLine"] = "it could not end before its deadline",
    };

    private static readonly (string Prefix, string Sentence)[] Prefixes =
    [
        ("ReqNodeNotAvail", "a node it requires is not available (down, drained or reserved)"),
        ("Nodes_required_for_job_are_DOWN", "the nodes it needs are down, drained or reserved for jobs in higher-priority partitions"),
        ("QOSMaxJobsPerUser", "the user already has as many jobs running as the QOS allows"),
        ("QOSMaxSubmitJobPerUser", "the user already has as many jobs submitted as the QOS allows"),
        ("QOSGrp", "held back by a limit its QOS sets on a whole group of jobs"),
        ("QOSMax", "held back by a per-job or per-user limit of its QOS"),
        ("QOS", "held back by a limit of its QOS"),
        ("AssocGrp", "held back by a limit its account (association) sets on all its jobs together"),
        ("AssocMax", "held back by a per-job limit of its account (association)"),
        ("MaxJobsPerAccount", "the account already has as many jobs running as allowed"),
        ("BurstBuffer", "waiting for its burst buffer"),
        ("FrontEndDown", "no front end node is available"),
    ];

    /// <summary>A user's sentence for a reason.</summary>
    /// <param name="reason">The reason as Slurm writes it (<c>Resources</c>, <c>ReqNodeNotAvail,_UnavailableNodes:node1</c>); empty or <c>None</c> for none.</param>
    /// <returns><c>Reason: sentence</c>; the reason alone when it is not one known here; empty for none.</returns>
    public static string Describe(string reason)
    {
        var code = SlurmValues.Reason(reason);
        if (code.Length == 0)
        {
            return "";
        }

        if (Exact.TryGetValue(code, out var sentence))
        {
            return $"{code}: {sentence}";
        }

        foreach (var (prefix, prefixSentence) in Prefixes)
        {
            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return $"{code}: {prefixSentence}";
            }
        }

        return code;
    }
}
