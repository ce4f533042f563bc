using Loom.Jobs.Slurm;
using static Loom.Jobs.Tests.Slurm.Status.Recorded;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class ScontrolJobsTests
{
    private static SlurmJobInfo Single(string file) => Assert.Single(ScontrolJobs.Parse(Read(file)));

    [Fact]
    public void A_completed_job()
    {
        var job = Single("scontrol-22.05-completed.txt");
        Assert.Equal(1, job.JobId);
        Assert.Equal(1, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal("ok", job.Name);
        Assert.Equal("COMPLETED", job.State);
        Assert.Equal("", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(0, job.Signal);
        Assert.Equal("node1", job.NodeList);
        Assert.Equal("root", job.User);
        Assert.Equal("debug", job.Partition);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 4), job.SubmitTime);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 5), job.StartTime);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 7), job.EndTime);
        Assert.Equal(0, job.RestartCount);
    }

    [Fact]
    public void A_failed_job_has_its_exit_code()
    {
        var job = Single("scontrol-22.05-failed.txt");
        Assert.Equal(2, job.JobId);
        Assert.Equal("FAILED", job.State);
        Assert.Equal("NonZeroExitCode", job.Reason);
        Assert.Equal(3, job.ExitCode);
        Assert.Equal(0, job.Signal);
    }

    [Fact]
    public void A_signalled_job_has_its_signal()
    {
        var job = Single("scontrol-22.05-signaled.txt");
        Assert.Equal("JobLaunchFailure", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(9, job.Signal);
    }

    [Fact]
    public void A_timeout()
    {
        var job = Single("scontrol-22.05-timeout.txt");
        Assert.Equal(8, job.JobId);
        Assert.Equal("TIMEOUT", job.State);
        Assert.Equal("TimeLimit", job.Reason);
        Assert.Equal(15, job.Signal);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 58, 6), job.EndTime);
    }

    [Fact]
    public void An_ended_array_shows_every_task()
    {
        var tasks = ScontrolJobs.Parse(Read("scontrol-22.05-array-ended.txt"));
        Assert.Equal([3L, 5L, 4L], tasks.Select(job => job.JobId));
        Assert.All(tasks, job => Assert.Equal(3, job.BaseJobId));
        Assert.Equal([2, 1, 0], tasks.Select(job => job.ArrayTaskId));
        Assert.Equal([2, 1, 0], tasks.Select(job => job.ExitCode));
        Assert.Equal(["FAILED", "FAILED", "COMPLETED"], tasks.Select(job => job.State));
    }

    [Fact]
    public void A_pending_array_is_one_record_with_a_range_for_its_task()
    {
        var job = Single("scontrol-22.05-array-pending.txt");
        Assert.Equal(13, job.JobId);
        Assert.Equal(13, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Equal("PENDING", job.State);
        Assert.Equal("Priority", job.Reason);
        Assert.Null(job.StartTime);
        Assert.Null(job.EndTime);
        Assert.Null(job.ExitCode);
    }

    [Fact]
    public void A_throttled_array_has_pending_running_and_ended_tasks()
    {
        var jobs = ScontrolJobs.Parse(Read("scontrol-22.05-array-running.txt"));
        Assert.Equal(
            [(13L, (int?)null, "PENDING", "JobArrayTaskLimit"), (23L, 1, "RUNNING", ""), (22L, 0, "COMPLETED", "")],
            jobs.Select(job => (job.JobId, job.ArrayTaskId, job.State, job.Reason)));
        Assert.All(jobs, job => Assert.Equal(13, job.BaseJobId));
        var running = jobs[1];
        Assert.NotNull(running.StartTime);
        Assert.Null(running.EndTime);
        Assert.Null(running.ExitCode);
    }

    [Fact]
    public void A_het_job_shows_one_record_per_component()
    {
        var ended = ScontrolJobs.Parse(Read("scontrol-22.05-het-ended.txt"));
        Assert.Equal([(6L, 6L, 0, "node1"), (7L, 6L, 1, "node2")], ended.Select(job => (job.JobId, job.BaseJobId, job.HetJobOffset!.Value, job.NodeList)));
        Assert.All(ended, job => Assert.Equal("COMPLETED", job.State));

        var pending = ScontrolJobs.Parse(Read("scontrol-22.05-het-pending.txt"));
        Assert.Equal([(14L, 14L, 0), (15L, 14L, 1)], pending.Select(job => (job.JobId, job.BaseJobId, job.HetJobOffset!.Value)));
        Assert.All(pending, job => Assert.Equal("Resources", job.Reason));
        Assert.All(pending, job => Assert.Null(job.ArrayTaskId));
    }

    [Theory]
    [InlineData("scontrol-22.05-pending-resources.txt", 12, "Resources")]
    [InlineData("scontrol-22.05-dependency.txt", 16, "Dependency")]
    [InlineData("scontrol-22.05-held.txt", 17, "JobHeldUser")]
    [InlineData("scontrol-22.05-begin-time.txt", 18, "BeginTime")]
    public void A_pending_job_has_its_reason_and_no_estimated_times(string file, long id, string reason)
    {
        var job = Single(file);
        Assert.Equal(id, job.JobId);
        Assert.Equal("PENDING", job.State);
        Assert.Equal(reason, job.Reason);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 43), job.SubmitTime);
        Assert.Null(job.StartTime);
        Assert.Null(job.EndTime);
        Assert.Null(job.ExitCode);
        Assert.Equal("", job.NodeList);
    }

    [Fact]
    public void A_job_cancelled_while_pending_never_started()
    {
        var job = Single("scontrol-22.05-cancelled-pending.txt");
        Assert.Equal("CANCELLED", job.State);
        Assert.Null(job.StartTime);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 48), job.EndTime);
        Assert.Equal("", job.NodeList);
    }

    [Fact]
    public void A_job_cancelled_while_running_was_sent_SIGTERM()
    {
        var job = Single("scontrol-22.05-cancelled-running.txt");
        Assert.Equal(28, job.JobId);
        Assert.Equal("CANCELLED", job.State);
        Assert.Equal(15, job.Signal);
        Assert.Equal(LocalTime(2026, 11, 25, 22, 2, 36), job.StartTime);
        Assert.Equal(LocalTime(2026, 11, 25, 22, 2, 39), job.EndTime);
    }

    [Fact]
    public void A_requeued_job_counts_its_restarts()
    {
        var requeued = Single("scontrol-22.05-requeued.txt");
        Assert.Equal("PENDING", requeued.State);
        Assert.Equal("BeginTime", requeued.Reason);
        Assert.Equal(1, requeued.RestartCount);

        var ended = Single("scontrol-22.05-requeued-ended.txt");
        Assert.Equal("COMPLETED", ended.State);
        Assert.Equal(1, ended.RestartCount);
        Assert.Equal(0, ended.ExitCode);
    }

    [Fact]
    public void An_unknown_job_id_is_recognised_on_stderr()
    {
        Assert.True(ScontrolJobs.IsInvalidJobId(Read("scontrol-22.05-invalid-job-id.stderr")));
        Assert.False(ScontrolJobs.IsInvalidJobId("slurm_load_jobs error: Unable to contact slurm controller (connect failure)"));
        Assert.False(ScontrolJobs.IsInvalidJobId(""));
    }

    [Fact]
    public void No_output_or_no_jobs_is_an_empty_list()
    {
        Assert.Empty(ScontrolJobs.Parse(""));
        Assert.Empty(ScontrolJobs.Parse("No jobs in the system\n"));
    }

    [Fact]
    public void A_job_name_with_spaces_stays_whole()
    {
        var job = Assert.Single(ScontrolJobs.Parse("JobId=5 JobName=my long run\n   UserId=ada(1000) JobState=RUNNING Reason=None\n   NodeList=node1\n"));
        Assert.Equal("my long run", job.Name);
        Assert.Equal("ada", job.User);
    }

    [Theory]
    [InlineData("UserId=root(0)\n   JobState=RUNNING\n", "not inside a record starting with JobId=")]
    [InlineData("JobId=abc JobName=x\n   JobState=RUNNING\n", "JobId is 'abc'")]
    [InlineData("JobId=5 JobName=x\n   Reason=None\n", "has no JobState=")]
    [InlineData("JobId=5 JobName=x\n   JobState=FAILED ExitCode=three\n", "ExitCode is 'three'")]
    [InlineData("JobId=5 JobName=x\n   JobState=FAILED SubmitTime=yesterday\n", "SubmitTime is 'yesterday'")]
    [InlineData("JobId=5 HetJobId=5 JobName=x\n   JobState=RUNNING\n", "has no HetJobOffset=")]
    public void Malformed_output_says_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ScontrolJobs.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
