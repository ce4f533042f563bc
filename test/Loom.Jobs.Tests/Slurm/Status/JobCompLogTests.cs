using Loom.Jobs.Slurm;
using static Loom.Jobs.Tests.Slurm.Status.Recorded;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class JobCompLogTests
{
    private static readonly IReadOnlyList<SlurmJobInfo> Log = JobCompLog.Parse(Read("jobcomp-22.05.log"));

    private static SlurmJobInfo Last(long id) => Log.Last(job => job.JobId == id);

    [Fact]
    public void Every_line_is_a_record_in_file_order()
    {
        Assert.Equal(
            [5, 2, 1, 4, 3, 6, 7, 9, 19, 8, 10, 11, 22, 23, 12, 16, 24, 14, 15, 13, 12, 28, 18, 17],
            Log.Select(job => job.JobId));
    }

    [Fact]
    public void A_failed_job()
    {
        var job = Last(2);
        Assert.Equal(2, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal("fail3", job.Name);
        Assert.Equal("FAILED", job.State);
        Assert.Equal("", job.Reason);
        Assert.Equal(3, job.ExitCode);
        Assert.Equal(0, job.Signal);
        Assert.Equal("node1", job.NodeList);
        Assert.Equal("root", job.User);
        Assert.Equal("debug", job.Partition);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 4), job.SubmitTime);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 5), job.StartTime);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 7), job.EndTime);
    }

    [Fact]
    public void Completed_signalled_timeout_and_cancelled_jobs()
    {
        Assert.Equal(("COMPLETED", 0, 0), (Last(1).State, Last(1).ExitCode, Last(1).Signal));
        Assert.Equal(("FAILED", 0, 9), (Last(9).State, Last(9).ExitCode, Last(9).Signal));

        // The log is written as the state changes, before the script's exit status is known: 0:0 where
        // scontrol later says 0:15.
        Assert.Equal(("TIMEOUT", 0, 0), (Last(8).State, Last(8).ExitCode, Last(8).Signal));
        Assert.Equal(LocalTime(2026, 11, 25, 21, 58, 6), Last(8).EndTime);
        Assert.Equal(("CANCELLED", 0, 0), (Last(28).State, Last(28).ExitCode, Last(28).Signal));
        Assert.Equal(LocalTime(2026, 11, 25, 22, 2, 36), Last(28).StartTime);
    }

    [Fact]
    public void A_job_cancelled_while_pending_never_started()
    {
        foreach (var id in new long[] { 17, 18, 19 })
        {
            var job = Last(id);
            Assert.Equal("CANCELLED", job.State);
            Assert.Equal("", job.NodeList);
            Assert.Null(job.StartTime);
            Assert.NotNull(job.EndTime);
        }
    }

    [Fact]
    public void Array_tasks_carry_the_array_id_and_their_index()
    {
        var tasks = Log.Where(job => job.BaseJobId == 13).ToList();
        Assert.Equal([(22L, 0), (23L, 1), (24L, 2), (13L, 3)], tasks.Select(job => (job.JobId, job.ArrayTaskId!.Value)));
        Assert.Equal([(5L, 1, 1), (4L, 0, 0), (3L, 2, 2)], Log.Where(job => job.BaseJobId == 3).Select(job => (job.JobId, job.ArrayTaskId!.Value, job.ExitCode!.Value)));
    }

    [Fact]
    public void Het_components_carry_the_leader_id_and_their_offset()
    {
        Assert.Equal([(6L, 0), (7L, 1)], Log.Where(job => job.BaseJobId == 6).Select(job => (job.JobId, job.HetJobOffset!.Value)));
        Assert.Equal([(14L, 0), (15L, 1)], Log.Where(job => job.BaseJobId == 14).Select(job => (job.JobId, job.HetJobOffset!.Value)));
    }

    [Fact]
    public void A_requeued_job_appears_once_per_requeue_and_once_at_its_end()
    {
        var lines = Log.Where(job => job.JobId == 12).ToList();
        Assert.Equal(["PENDING", "COMPLETED"], lines.Select(job => job.State));
        Assert.Null(lines[0].EndTime);
        Assert.Null(lines[0].ExitCode);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 58, 30), lines[1].SubmitTime);
        Assert.Equal(LocalTime(2026, 11, 25, 22, 1, 26), lines[1].EndTime);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        Assert.Empty(JobCompLog.Parse(""));
        Assert.Single(JobCompLog.Parse("\nJobId=4 UserId=ada(1000) Name=a b JobState=COMPLETED NodeList=n1 ExitCode=0:0\n\n"));
    }

    [Theory]
    [InlineData("garbage", "line 1 does not start with JobId=")]
    [InlineData("JobId=1 JobState=COMPLETED\nUserId=root(0)", "line 2 does not start with JobId=")]
    [InlineData("JobId=1 Name=x", "line 1 has no JobState=")]
    [InlineData("JobId=x JobState=FAILED", "JobId is 'x'")]
    [InlineData("JobId=1 JobState=FAILED ExitCode=3", "ExitCode is '3'")]
    [InlineData("JobId=1 JobState=FAILED EndTime=25/11/2026", "EndTime is '25/11/2026'")]
    [InlineData("JobId=1 JobState=FAILED ArrayJobId=", "ArrayJobId is ''")]
    public void Malformed_lines_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JobCompLog.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
