using Loom.Jobs.Queue;

namespace Loom.Jobs.Tests.Queue;

public sealed class JobStateMachineTests
{
    [Theory]
    [InlineData(JobState.Queued, JobState.Downloading)]
    [InlineData(JobState.Downloading, JobState.Running)]
    [InlineData(JobState.Running, JobState.Storing)]
    [InlineData(JobState.Storing, JobState.Succeeded)]
    [InlineData(JobState.Running, JobState.Timeout)]
    [InlineData(JobState.Running, JobState.OutOfMemory)]
    [InlineData(JobState.Running, JobState.Halted)]
    [InlineData(JobState.Halted, JobState.Resumed)]
    [InlineData(JobState.Resumed, JobState.Queued)]
    [InlineData(JobState.Queued, JobState.Cancelled)]
    [InlineData(JobState.Queued, JobState.Failed)]
    [InlineData(JobState.Failed, JobState.Queued)]
    public void Lifecycle_transitions_are_legal(JobState from, JobState to)
    {
        Assert.True(JobStateMachine.CanTransition(from, to));
        JobStateMachine.EnsureCanTransition(1, from, to);
    }

    [Theory]
    [InlineData(JobState.Queued, JobState.Succeeded)]
    [InlineData(JobState.Queued, JobState.Storing)]
    [InlineData(JobState.Succeeded, JobState.Running)]
    [InlineData(JobState.Cancelled, JobState.Queued)]
    [InlineData(JobState.Halted, JobState.Running)]
    [InlineData(JobState.Halted, JobState.Queued)]
    [InlineData(JobState.Storing, JobState.Running)]
    [InlineData(JobState.Running, JobState.Running)]
    public void Illegal_transitions_are_rejected_with_a_clear_error(JobState from, JobState to)
    {
        Assert.False(JobStateMachine.CanTransition(from, to));
        var error = Assert.Throws<IllegalJobTransitionException>(() => JobStateMachine.EnsureCanTransition(7, from, to));
        Assert.Equal($"Job 7 cannot go from {from} to {to}.", error.Message);
        Assert.Equal(from, error.From);
        Assert.Equal(to, error.To);
    }

    [Fact]
    public void Every_state_has_an_entry_in_the_table()
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            var reachable = Enum.GetValues<JobState>().Count(to => JobStateMachine.CanTransition(state, to));
            Assert.True(reachable > 0 || state is JobState.Succeeded or JobState.Cancelled, $"{state} is a dead end");
        }
    }
}
