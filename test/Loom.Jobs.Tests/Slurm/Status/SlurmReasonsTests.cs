using Loom.Jobs.Slurm;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class SlurmReasonsTests
{
    [Theory]
    [InlineData("Resources", "Resources: waiting for resources: the nodes that can run it are busy")]
    [InlineData("Priority", "Priority: waiting behind higher-priority jobs")]
    [InlineData("Dependency", "Dependency: waiting for the jobs it depends on")]
    [InlineData("BeginTime", "BeginTime: waiting for the start time it asked for")]
    [InlineData("JobHeldUser", "JobHeldUser: held by its user")]
    [InlineData("JobHeldAdmin", "JobHeldAdmin: held by an administrator")]
    [InlineData("PartitionConfig", "PartitionConfig: the partition cannot run a job of this shape")]
    [InlineData("ReqNodeNotAvail,_UnavailableNodes:node1", "ReqNodeNotAvail,_UnavailableNodes:node1: a node it requires is not available")]
    [InlineData("QOSMaxJobsPerUserLimit", "QOSMaxJobsPerUserLimit: the user already has as many jobs running as the QOS allows")]
    [InlineData("AssocGrpGRES", "AssocGrpGRES: held back by a limit its account (association) sets on all its jobs together")]
    [InlineData("AssocGrpCpuLimit", "AssocGrpCpuLimit: held back by a limit its account")]
    [InlineData("AssocMaxJobsLimit", "AssocMaxJobsLimit: held back by a per-job limit of its account")]
    [InlineData("Nodes_required_for_job_are_DOWN,_DRAINED_or_reserved_for_jobs_in_higher_priority_partitions", "Nodes_required_for_job_are_DOWN,_DRAINED_or_reserved_for_jobs_in_higher_priority_partitions: the nodes it needs are down, drained or reserved")]
    [InlineData("JobArrayTaskLimit", "JobArrayTaskLimit: the array already runs as many tasks as its %-limit allows")]
    [InlineData("NonZeroExitCode", "NonZeroExitCode: it exited with a non-zero exit code")]
    [InlineData("TimeLimit", "TimeLimit: it ran past its time limit")]
    public void Reasons_become_sentences_that_keep_the_code(string reason, string expectedStart)
    {
        Assert.StartsWith(expectedStart, SlurmReasons.Describe(reason), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("")]
    [InlineData("  ")]
    public void No_reason_is_empty(string reason)
    {
        Assert.Equal("", SlurmReasons.Describe(reason));
    }

    [Fact]
    public void An_unknown_reason_is_kept_as_it_is()
    {
        Assert.Equal("SomethingNew", SlurmReasons.Describe("SomethingNew"));
    }

    [Fact]
    public void Every_pending_reason_in_the_recorded_outputs_has_a_sentence()
    {
        var reasons = SqueueJson.Parse(Recorded.Read("squeue-22.05-pending-running.json"))
            .Concat(SqueueJson.Parse(Recorded.Read("squeue-22.05-requeued.json")))
            .Where(job => job.Reason.Length > 0)
            .Select(job => job.Reason)
            .Distinct();
        Assert.All(reasons, reason => Assert.Contains(": ", SlurmReasons.Describe(reason), StringComparison.Ordinal));
    }
}
