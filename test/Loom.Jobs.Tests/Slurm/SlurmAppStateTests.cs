using Loom.Jobs.Queue;
using Loom.Jobs.Slurm.Tracking;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmAppStateTests
{
    [Theory]
    [InlineData(JobState.Succeeded, JobState.Succeeded, JobState.Succeeded)]
    [InlineData(JobState.Failed, JobState.Succeeded, JobState.Failed)]
    [InlineData(JobState.Failed, JobState.Timeout, JobState.Failed)]
    [InlineData(JobState.Timeout, JobState.Succeeded, JobState.Timeout)]
    [InlineData(JobState.OutOfMemory, JobState.Cancelled, JobState.OutOfMemory)]
    [InlineData(JobState.Cancelled, JobState.Succeeded, JobState.Cancelled)]
    [InlineData(JobState.Running, JobState.Queued, JobState.Running)]
    [InlineData(JobState.Running, JobState.Succeeded, JobState.Running)]
    [InlineData(JobState.Queued, JobState.Queued, JobState.Queued)]
    [InlineData(JobState.Queued, JobState.Failed, JobState.Queued)]
    public void Records_combine_into_one_state(JobState expected, params JobState[] states)
    {
        Assert.Equal(expected, SlurmAppState.Combine(states));
    }

    [Fact]
    public void No_records_is_queued()
    {
        Assert.Equal(JobState.Queued, SlurmAppState.Combine([]));
    }
}
