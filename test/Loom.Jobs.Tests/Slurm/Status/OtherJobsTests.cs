using Loom.Jobs.Queue;
using Loom.Jobs.Slurm;
using Loom.Jobs.Slurm.Tracking;
using static Loom.Jobs.Tests.Slurm.Status.Recorded;

namespace Loom.Jobs.Tests.Slurm.Status;

/// <summary>
/// Slurm's outputs list every user's jobs: one job named to look like Slurm's own fields
/// (<c>sbatch -J "x StartTime=bogus"</c>), or one Loom cannot read, must not change or break what Loom reads of another.
/// </summary>
public sealed class OtherJobsTests
{
    private const string Bogus = "x StartTime=bogus JobState=RUNNING ArrayJobId=2 HetJobId=2 ExitCode=9:0";

    private static readonly HashSet<long> Two = [2];

    /// <summary>The recorded log with another user's job named <see cref="Bogus"/>, a malformed line of a third job and a stray line.</summary>
    private static string HostileLog()
    {
        var log = Read("jobcomp-22.05.log");
        var line = log.Split('\n').First(l => l.StartsWith("JobId=1 ", StringComparison.Ordinal));
        var named = line.Replace("JobId=1 UserId=root(0) GroupId=root(0) Name=ok ", $"JobId=30 UserId=eve(1001) GroupId=eve(1001) Name={Bogus} ", StringComparison.Ordinal);
        var malformed = line.Replace("JobId=1 ", "JobId=31 ", StringComparison.Ordinal).Replace("ExitCode=0:0", "ExitCode=what", StringComparison.Ordinal);
        Assert.NotEqual(line, named);
        return named + "\n" + malformed + "\nnot a record\n" + log;
    }

    /// <summary>The recorded completed job 1 after another user's job 30 named <see cref="Bogus"/> and a malformed record of job 31.</summary>
    private static string HostileScontrol()
    {
        var completed = Read("scontrol-22.05-completed.txt");
        var named = completed
            .Replace("JobId=1 JobName=ok", $"JobId=30 JobName={Bogus}", StringComparison.Ordinal)
            .Replace("UserId=root(0) GroupId=root(0)", "UserId=eve(1001) GroupId=eve(1001)", StringComparison.Ordinal);
        var malformed = completed
            .Replace("JobId=1 JobName=ok", "JobId=31 JobName=ok", StringComparison.Ordinal)
            .Replace("ExitCode=0:0", "ExitCode=what", StringComparison.Ordinal);
        Assert.NotEqual(completed, named);
        return named + "\n" + malformed + "\n" + completed.Replace("JobId=1 JobName=ok", "JobId=2 JobName=mine", StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_completion_line_named_like_slurms_fields_keeps_its_name_and_its_real_fields()
    {
        var job = Assert.Single(JobCompLog.Parse(HostileLog(), new HashSet<long> { 30 }, skipMalformed: false));

        Assert.Equal(Bogus, job.Name);
        Assert.Equal(30, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal("COMPLETED", job.State);
        Assert.Equal("eve", job.User);
        Assert.Equal((0, 0), (job.ExitCode, job.Signal));
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 5), job.StartTime);
    }

    [Fact]
    public void A_lookup_in_the_job_completion_log_finds_the_real_job_and_skips_the_others()
    {
        var job = Assert.Single(JobCompLog.Parse(HostileLog(), Two, skipMalformed: false));

        Assert.Equal((2L, 2L, "fail3", "FAILED", 3), (job.JobId, job.BaseJobId, job.Name, job.State, job.ExitCode!.Value));
    }

    [Fact]
    public void A_malformed_job_completion_line_is_skipped_when_asked_and_named_otherwise()
    {
        var readable = JobCompLog.Parse(HostileLog(), null, skipMalformed: true);
        Assert.DoesNotContain(readable, job => job.JobId == 31);
        Assert.Contains(readable, job => job.JobId == 30);
        Assert.Equal(JobCompLog.Parse(Read("jobcomp-22.05.log")).Count + 1, readable.Count);

        Assert.Throws<FormatException>(() => JobCompLog.Parse(HostileLog()));
        var error = Assert.Throws<FormatException>(() => JobCompLog.Parse(HostileLog(), new HashSet<long> { 31 }, skipMalformed: false));
        Assert.Contains("ExitCode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recorded_log_reads_the_same_with_the_name_isolated()
    {
        var all = JobCompLog.Parse(Read("jobcomp-22.05.log"));
        var one = JobCompLog.Parse(Read("jobcomp-22.05.log"), new HashSet<long> { 3 }, skipMalformed: false);

        Assert.Equal([5L, 4, 3], one.Select(job => job.JobId));
        Assert.All(one, job => Assert.Equal(("arr", 3L), (job.Name, job.BaseJobId)));
        Assert.Equal([6L, 7], JobCompLog.Parse(Read("jobcomp-22.05.log"), new HashSet<long> { 6 }, skipMalformed: false).Select(job => job.JobId));
        Assert.Equal(24, all.Count);
    }

    [Fact]
    public void A_scontrol_record_named_like_slurms_fields_keeps_its_name_and_its_real_fields()
    {
        var job = Assert.Single(ScontrolJobs.Parse(HostileScontrol(), new HashSet<long> { 30 }, skipMalformed: false));

        Assert.Equal(Bogus, job.Name);
        Assert.Equal(30, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal(("COMPLETED", "eve"), (job.State, job.User));
        Assert.Equal((0, 0), (job.ExitCode, job.Signal));
        Assert.Equal(LocalTime(2026, 11, 25, 21, 56, 5), job.StartTime);
    }

    [Fact]
    public void A_lookup_in_scontrol_finds_the_real_job_and_skips_the_others()
    {
        var job = Assert.Single(ScontrolJobs.Parse(HostileScontrol(), Two, skipMalformed: false));

        Assert.Equal((2L, 2L, "mine", "COMPLETED"), (job.JobId, job.BaseJobId, job.Name, job.State));
        Assert.Throws<FormatException>(() => ScontrolJobs.Parse(HostileScontrol()));
        Assert.Equal([30L, 2], ScontrolJobs.Parse(HostileScontrol(), null, skipMalformed: true).Select(j => j.JobId));
    }

    [Fact]
    public void User_text_at_the_end_of_a_scontrol_record_does_not_override_slurms_fields()
    {
        var text = Read("scontrol-22.05-completed.txt").Replace("WorkDir=/tmp/rec", "WorkDir=/tmp/a JobState=PENDING ExitCode=7:0", StringComparison.Ordinal);

        var job = Assert.Single(ScontrolJobs.Parse(text));

        Assert.Equal(("COMPLETED", 0), (job.State, job.ExitCode!.Value));
    }

    [Fact]
    public void Every_recorded_scontrol_output_reads_as_before()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Slurm", "Recorded"), "scontrol-*.txt"))
        {
            var text = File.ReadAllText(file);
            var jobs = ScontrolJobs.Parse(text);
            Assert.All(jobs, job => Assert.DoesNotContain("=", job.Name, StringComparison.Ordinal));
            Assert.All(jobs, job => Assert.True(SlurmStates.TryToLoom(job.State, out _), $"{Path.GetFileName(file)}: {job.State}"));
            var ids = jobs.Select(job => job.BaseJobId).ToHashSet();
            Assert.Equal(jobs.Select(job => job.JobId), ScontrolJobs.Parse(text, ids, skipMalformed: false).Select(job => job.JobId));
        }
    }

    [Fact]
    public void A_squeue_lookup_skips_another_job_it_cannot_read()
    {
        const string json = """
            {"jobs": [
              {"job_id": 30, "name": "x", "job_state": {"weird": true}},
              {"job_id": 2, "name": "mine", "job_state": "RUNNING", "user_name": "ada"},
              {"job_id": 31, "job_state": "RUNNING", "array_job_id": "not a number"}
            ], "errors": []}
            """;

        var job = Assert.Single(SqueueJson.Parse(json, Two, skipMalformed: false));
        Assert.Equal(("mine", "RUNNING"), (job.Name, job.State));
        Assert.Equal([2L], SqueueJson.Parse(json, null, skipMalformed: true).Select(j => j.JobId));
        Assert.Throws<FormatException>(() => SqueueJson.Parse(json));
    }

    [Fact]
    public void The_queue_keeps_the_users_jobs()
    {
        SlurmJobInfo Info(long id, string user) => new() { JobId = id, BaseJobId = id, State = "RUNNING", User = user };

        Assert.Equal([1L, 3], SlurmJobLookup.Mine([Info(1, "ada"), Info(2, "eve"), Info(3, "")], "ada").Select(i => i.JobId));
    }

    [Theory]
    [InlineData("""{"meta": {"plugin": {"data_parser": "data_parser/v0.0.40"}}, "jobs": [], "errors": [{"description": "", "error_number": 2017, "error": "Invalid job id specified", "source": "slurm_load_job()"}], "warnings": []}""")]
    [InlineData("""{"meta": {"plugin": {"data_parser": "data_parser/v0.0.40"}}, "errors": [{"description": "Invalid job id specified", "source": "_load_jobs"}], "warnings": []}""")]
    [InlineData("""{"jobs": null, "errors": [{"error_number": 2017}]}""")]
    public void An_invalid_job_id_error_from_squeue_23_11_means_the_job_is_not_in_the_queue(string json)
    {
        Assert.Empty(SqueueJson.Parse(json));
        Assert.Empty(SqueueJson.Parse(json, Two, skipMalformed: false));
    }

    [Fact]
    public void Other_squeue_errors_still_fail_and_name_only_themselves()
    {
        const string json = """
            {"jobs": [], "errors": [
              {"description": "", "error_number": 2017, "error": "Invalid job id specified", "source": "slurm_load_job()"},
              {"description": "Unable to contact slurm controller", "error_number": 1007, "error": "Unable to contact slurm controller (connect failure)", "source": "slurm_load_jobs()"}
            ]}
            """;

        var error = Assert.Throws<FormatException>(() => SqueueJson.Parse(json, Two, skipMalformed: false));
        Assert.Contains("connect failure", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid job id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_loom_does_not_know_fails_the_view_and_names_the_state()
    {
        var infos = new[]
        {
            new SlurmJobInfo { JobId = 10, BaseJobId = 10, State = "WARPED", Name = "app", HetJobOffset = 0 },
            new SlurmJobInfo { JobId = 11, BaseJobId = 10, State = "RUNNING", Name = "app", HetJobOffset = 1 },
        };

        var view = SlurmJobViews.Build("c", 10, null, null, infos);

        Assert.Equal(JobState.Failed, view.State);
        Assert.StartsWith("Slurm reported state WARPED, which this Loom version does not know", view.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_states_are_unaffected()
    {
        var view = SlurmJobViews.Build("c", 10, null, null, [new SlurmJobInfo { JobId = 10, BaseJobId = 10, State = "RUNNING", Name = "app" }]);

        Assert.Equal((JobState.Running, ""), (view.State, view.Reason));
    }
}
