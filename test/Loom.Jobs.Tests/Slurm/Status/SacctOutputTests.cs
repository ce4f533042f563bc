using Loom.Jobs.Slurm;
using static Loom.Jobs.Tests.Slurm.Status.Recorded;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class SacctOutputTests
{
    private static readonly IReadOnlyList<SlurmJobInfo> Dbd = SacctOutput.Parse(Read("sacct-slurmdbd-constructed.txt"));

    private static SlurmJobInfo Job(IReadOnlyList<SlurmJobInfo> jobs, long id) => Assert.Single(jobs, job => job.JobId == id);

    [Fact]
    public void The_format_asks_for_every_field_the_parser_reads()
    {
        Assert.Equal("JobID,JobIDRaw,JobName,State,ExitCode,Reason,Submit,Start,End,NodeList,User,Partition", SacctOutput.Format);
    }

    [Fact]
    public void Steps_are_skipped()
    {
        Assert.Equal([201L, 202, 204, 205, 203, 206, 207, 208, 209, 210, 211], Dbd.Select(job => job.JobId));
    }

    [Fact]
    public void A_completed_job()
    {
        var job = Job(Dbd, 201);
        Assert.Equal(201, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal("train", job.Name);
        Assert.Equal("COMPLETED", job.State);
        Assert.Equal("", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(0, job.Signal);
        Assert.Equal("gpu01", job.NodeList);
        Assert.Equal("ada", job.User);
        Assert.Equal("gpu", job.Partition);
        Assert.Equal(LocalTime(2026, 11, 20, 10, 0, 0), job.SubmitTime);
        Assert.Equal(LocalTime(2026, 11, 20, 10, 0, 5), job.StartTime);
        Assert.Equal(LocalTime(2026, 11, 20, 11, 0, 5), job.EndTime);
    }

    [Fact]
    public void Array_tasks_and_the_pending_rest()
    {
        Assert.Equal((203L, 0, "COMPLETED"), (Job(Dbd, 204).BaseJobId, Job(Dbd, 204).ArrayTaskId!.Value, Job(Dbd, 204).State));
        var running = Job(Dbd, 205);
        Assert.Equal((203L, 1, "RUNNING"), (running.BaseJobId, running.ArrayTaskId!.Value, running.State));
        Assert.Null(running.EndTime);
        Assert.Null(running.ExitCode);

        var rest = Job(Dbd, 203);
        Assert.Equal(203, rest.BaseJobId);
        Assert.Null(rest.ArrayTaskId);
        Assert.Equal("PENDING", rest.State);
        Assert.Equal("JobArrayTaskLimit", rest.Reason);
        Assert.Equal("", rest.NodeList);
        Assert.Null(rest.StartTime);
    }

    [Fact]
    public void Het_components()
    {
        Assert.Equal([(206L, 206L, 0), (207L, 206L, 1)], Dbd.Where(job => job.HetJobOffset is not null).Select(job => (job.JobId, job.BaseJobId, job.HetJobOffset!.Value)));
    }

    [Fact]
    public void Ended_states_and_exit_codes()
    {
        Assert.Equal(("FAILED", "NonZeroExitCode", 3, 0), (Job(Dbd, 202).State, Job(Dbd, 202).Reason, Job(Dbd, 202).ExitCode!.Value, Job(Dbd, 202).Signal!.Value));
        Assert.Equal(("CANCELLED", 0, 15), (Job(Dbd, 208).State, Job(Dbd, 208).ExitCode!.Value, Job(Dbd, 208).Signal!.Value));
        Assert.Equal(("TIMEOUT", "TimeLimit"), (Job(Dbd, 209).State, Job(Dbd, 209).Reason));
        Assert.Equal(("OUT_OF_MEMORY", 125), (Job(Dbd, 210).State, Job(Dbd, 210).Signal!.Value));
        Assert.Equal(("PENDING", "Priority"), (Job(Dbd, 211).State, Job(Dbd, 211).Reason));
    }

    [Fact]
    public void Sacct_reading_the_job_completion_log_writes_raw_ids_only()
    {
        var jobs = SacctOutput.Parse(Read("sacct-22.05-completion.txt"));
        Assert.Equal(24, jobs.Count);
        var task = Job(jobs, 5);
        Assert.Equal(5, task.BaseJobId);
        Assert.Null(task.ArrayTaskId);
        Assert.Equal(("FAILED", 1, 0), (task.State, task.ExitCode!.Value, task.Signal!.Value));
        Assert.Equal("root", task.User);

        var killed = Job(jobs, 9);
        Assert.Equal(9, killed.Signal);
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 44), killed.StartTime);

        Assert.Equal(["PENDING", "COMPLETED"], jobs.Where(job => job.JobId == 12).Select(job => job.State));
        var cancelled = Job(jobs, 19);
        Assert.Equal("", cancelled.NodeList);
        Assert.Null(cancelled.StartTime);
    }

    [Fact]
    public void Without_a_header_the_fields_are_in_the_formats_order()
    {
        var job = Assert.Single(SacctOutput.Parse("7_2|9|x|FAILED|2:0|NonZeroExitCode|2026-11-20T10:00:00|2026-11-20T10:00:01|2026-11-20T10:00:02|n1|ada|gpu\n"));
        Assert.Equal((9L, 7L, 2, 2), (job.JobId, job.BaseJobId, job.ArrayTaskId!.Value, job.ExitCode!.Value));
    }

    [Fact]
    public void Columns_are_found_by_name()
    {
        var job = Assert.Single(SacctOutput.Parse("State|JobID|Elapsed\nCANCELLED by 0|42|00:01:00\n"));
        Assert.Equal((42L, 42L, "CANCELLED"), (job.JobId, job.BaseJobId, job.State));
    }

    [Fact]
    public void Empty_output_has_no_jobs()
    {
        Assert.Empty(SacctOutput.Parse(""));
        Assert.Empty(SacctOutput.Parse(SacctOutput.Format.Replace(',', '|') + "\n"));
    }

    [Theory]
    [InlineData("JobID|JobName\n1|x\n", "has no State field")]
    [InlineData("JobID|State\n1|COMPLETED|extra\n", "line 2 has 3 fields where the header has 2")]
    [InlineData("JobID|State\nabc|COMPLETED\n", "JobID 'abc' is not a job id")]
    [InlineData("JobID|State\n12_x|COMPLETED\n", "JobID '12_x' is not a job id")]
    [InlineData("JobID|State\n12|\n", "has an empty State")]
    [InlineData("JobID|State|ExitCode\n12|FAILED|x:y\n", "ExitCode is 'x:y'")]
    [InlineData("JobID|State|Start\n12|FAILED|soon\n", "Start is 'soon'")]
    public void Malformed_output_says_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SacctOutput.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
