using Loom.Jobs.Queue;
using Loom.Jobs.Slurm;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class SlurmStatesTests
{
    [Theory]
    [InlineData("PENDING", JobState.Queued)]
    [InlineData("REQUEUED", JobState.Queued)]
    [InlineData("REQUEUE_HOLD", JobState.Queued)]
    [InlineData("REQUEUE_FED", JobState.Queued)]
    [InlineData("SUSPENDED", JobState.Queued)]
    [InlineData("CONFIGURING", JobState.Queued)]
    [InlineData("RESV_DEL_HOLD", JobState.Queued)]
    [InlineData("RUNNING", JobState.Running)]
    [InlineData("COMPLETING", JobState.Running)]
    [InlineData("STAGE_OUT", JobState.Running)]
    [InlineData("SIGNALING", JobState.Running)]
    [InlineData("COMPLETED", JobState.Succeeded)]
    [InlineData("FAILED", JobState.Failed)]
    [InlineData("NODE_FAIL", JobState.Failed)]
    [InlineData("BOOT_FAIL", JobState.Failed)]
    [InlineData("DEADLINE", JobState.Failed)]
    [InlineData("PREEMPTED", JobState.Failed)]
    [InlineData("SPECIAL_EXIT", JobState.Failed)]
    [InlineData("TIMEOUT", JobState.Timeout)]
    [InlineData("OUT_OF_MEMORY", JobState.OutOfMemory)]
    [InlineData("CANCELLED", JobState.Cancelled)]
    [InlineData("CANCELLED by 0", JobState.Cancelled)]
    [InlineData("CANCELLED by 1000", JobState.Cancelled)]
    [InlineData("CANCELLED+", JobState.Cancelled)]
    [InlineData("running", JobState.Running)]
    [InlineData(" COMPLETED ", JobState.Succeeded)]
    public void Slurm_states_map_to_Loom_states(string slurmState, JobState expected)
    {
        Assert.Equal(expected, SlurmStates.ToLoom(slurmState));
    }

    [Theory]
    [InlineData("COMPLETED", true)]
    [InlineData("FAILED", true)]
    [InlineData("CANCELLED by 0", true)]
    [InlineData("TIMEOUT", true)]
    [InlineData("OUT_OF_MEMORY", true)]
    [InlineData("NODE_FAIL", true)]
    [InlineData("PREEMPTED", true)]
    [InlineData("PENDING", false)]
    [InlineData("REQUEUED", false)]
    [InlineData("SUSPENDED", false)]
    [InlineData("RUNNING", false)]
    [InlineData("COMPLETING", false)]
    public void Ended_states(string slurmState, bool ended)
    {
        Assert.Equal(ended, SlurmStates.IsEnded(slurmState));
    }

    [Theory]
    [InlineData("EXPLODED")]
    [InlineData("")]
    [InlineData("R")]
    public void Unknown_states_are_named_in_the_error(string slurmState)
    {
        var error = Assert.Throws<FormatException>(() => SlurmStates.ToLoom(slurmState));
        Assert.Contains($"'{slurmState}'", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SlurmStates.IsEnded(slurmState));
    }

    [Fact]
    public void Every_state_in_the_recorded_outputs_is_known()
    {
        var states = SqueueJson.Parse(Recorded.Read("squeue-22.05-requeued.json")).Select(job => job.State)
            .Concat(SqueueJson.Parse(Recorded.Read("squeue-23.11-constructed.json")).Select(job => job.State))
            .Concat(JobCompLog.Parse(Recorded.Read("jobcomp-22.05.log")).Select(job => job.State))
            .Concat(SacctOutput.Parse(Recorded.Read("sacct-slurmdbd-constructed.txt")).Select(job => job.State));
        Assert.All(states, state => SlurmStates.ToLoom(state));
    }
}
