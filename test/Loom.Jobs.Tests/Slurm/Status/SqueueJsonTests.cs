using Loom.Jobs.Slurm;
using static Loom.Jobs.Tests.Slurm.Status.Recorded;

namespace Loom.Jobs.Tests.Slurm.Status;

public sealed class SqueueJsonTests
{
    private static readonly IReadOnlyList<SlurmJobInfo> PendingRunning = SqueueJson.Parse(Read("squeue-22.05-pending-running.json"));

    private static SlurmJobInfo Job(IReadOnlyList<SlurmJobInfo> jobs, long id) => Assert.Single(jobs, job => job.JobId == id);

    [Fact]
    public void Slurm_22_05_lists_every_job_it_remembers_ended_ones_included()
    {
        Assert.Equal(
            [1, 2, 4, 5, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
            PendingRunning.Select(job => job.JobId));
    }

    [Fact]
    public void Slurm_22_05_a_failed_job_decodes_the_raw_wait_status()
    {
        var job = Job(PendingRunning, 2);
        Assert.Equal(2, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
        Assert.Equal("fail3", job.Name);
        Assert.Equal("FAILED", job.State);
        Assert.Equal("NonZeroExitCode", job.Reason);
        Assert.Equal(3, job.ExitCode);
        Assert.Equal(0, job.Signal);
        Assert.Equal("node1", job.NodeList);
        Assert.Equal("root", job.User);
        Assert.Equal("debug", job.Partition);
        Assert.Equal(Unix(1795643764), job.SubmitTime);
        Assert.Equal(Unix(1795643765), job.StartTime);
        Assert.Equal(Unix(1795643767), job.EndTime);
        Assert.Equal(0, job.RestartCount);
    }

    [Fact]
    public void Slurm_22_05_a_completed_job()
    {
        var job = Job(PendingRunning, 1);
        Assert.Equal("COMPLETED", job.State);
        Assert.Equal("", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(0, job.Signal);
        Assert.Null(job.ArrayTaskId);
        Assert.Null(job.HetJobOffset);
    }

    [Fact]
    public void Slurm_22_05_a_job_killed_by_a_signal()
    {
        var job = Job(PendingRunning, 9);
        Assert.Equal("FAILED", job.State);
        Assert.Equal("JobLaunchFailure", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(9, job.Signal);
    }

    [Fact]
    public void Slurm_22_05_array_tasks_carry_the_array_id_and_their_index()
    {
        var tasks = PendingRunning.Where(job => job.BaseJobId == 3).OrderBy(job => job.ArrayTaskId).ToList();
        Assert.Equal([4L, 5L, 3L], tasks.Select(job => job.JobId));
        Assert.Equal([0, 1, 2], tasks.Select(job => job.ArrayTaskId));
        Assert.Equal([0, 1, 2], tasks.Select(job => job.ExitCode));
        Assert.Equal(["COMPLETED", "FAILED", "FAILED"], tasks.Select(job => job.State));
        Assert.All(tasks, job => Assert.Null(job.HetJobOffset));
    }

    [Fact]
    public void Slurm_22_05_an_arrays_pending_tasks_are_one_record_without_a_task_index()
    {
        var job = Job(PendingRunning, 13);
        Assert.Equal(13, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Equal("PENDING", job.State);
        Assert.Equal("Priority", job.Reason);
    }

    [Fact]
    public void Slurm_22_05_het_components_carry_the_leader_id_and_their_offset()
    {
        var ended = PendingRunning.Where(job => job.BaseJobId == 6).ToList();
        Assert.Equal([6L, 7L], ended.Select(job => job.JobId));
        Assert.Equal([0, 1], ended.Select(job => job.HetJobOffset));
        Assert.Equal(["node1", "node2"], ended.Select(job => job.NodeList));
        Assert.All(ended, job => Assert.Null(job.ArrayTaskId));

        var pending = PendingRunning.Where(job => job.BaseJobId == 14).ToList();
        Assert.Equal([14L, 15L], pending.Select(job => job.JobId));
        Assert.Equal([0, 1], pending.Select(job => job.HetJobOffset));
        Assert.All(pending, job => Assert.Equal("Resources", job.Reason));
    }

    [Fact]
    public void Slurm_22_05_a_running_job_has_no_end_time_nor_exit_status_yet()
    {
        var job = Job(PendingRunning, 8);
        Assert.Equal("RUNNING", job.State);
        Assert.Equal(Unix(1795643804), job.StartTime);
        Assert.Null(job.EndTime);
        Assert.Null(job.ExitCode);
        Assert.Null(job.Signal);
    }

    [Theory]
    [InlineData(12, "Resources")]
    [InlineData(16, "Dependency")]
    [InlineData(17, "JobHeldUser")]
    [InlineData(18, "BeginTime")]
    [InlineData(19, "Priority")]
    public void Slurm_22_05_a_pending_job_has_its_reason_and_no_estimated_times(long id, string reason)
    {
        var job = Job(PendingRunning, id);
        Assert.Equal("PENDING", job.State);
        Assert.Equal(reason, job.Reason);
        Assert.Equal(Unix(1795643803), job.SubmitTime);
        Assert.Null(job.StartTime);
        Assert.Null(job.EndTime);
        Assert.Null(job.ExitCode);
        Assert.Equal("", job.NodeList);
    }

    [Fact]
    public void Slurm_22_05_a_requeued_job_is_pending_again_with_its_restart_count()
    {
        var jobs = SqueueJson.Parse(Read("squeue-22.05-requeued.json"));
        var job = Job(jobs, 12);
        Assert.Equal("PENDING", job.State);
        Assert.Equal("BeginTime", job.Reason);
        Assert.Equal(1, job.RestartCount);
        Assert.Null(job.StartTime);
    }

    [Fact]
    public void Slurm_22_05_a_timeout_was_ended_by_SIGTERM()
    {
        var job = Job(SqueueJson.Parse(Read("squeue-22.05-requeued.json")), 8);
        Assert.Equal("TIMEOUT", job.State);
        Assert.Equal("TimeLimit", job.Reason);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(15, job.Signal);
        Assert.Equal(Unix(1795643886), job.EndTime);
    }

    [Fact]
    public void Slurm_22_05_the_last_pending_task_of_an_array_has_its_index()
    {
        var jobs = SqueueJson.Parse(Read("squeue-22.05-requeued.json"));
        var job = Job(jobs, 13);
        Assert.Equal(13, job.BaseJobId);
        Assert.Equal(3, job.ArrayTaskId);
        Assert.Equal("JobArrayTaskLimit", job.Reason);
        Assert.Equal([0, 1, 2, 3], jobs.Where(j => j.BaseJobId == 13).Select(j => j.ArrayTaskId!.Value).Order());
    }

    [Fact]
    public void Slurm_23_11_states_are_lists_whose_base_state_counts()
    {
        var jobs = SqueueJson.Parse(Read("squeue-23.11-constructed.json"));
        Assert.Equal(
            ["RUNNING", "PENDING", "RUNNING", "PENDING", "RUNNING", "RUNNING", "FAILED", "CANCELLED", "PENDING", "COMPLETED", "TIMEOUT", "PENDING"],
            jobs.Select(job => job.State));
    }

    [Fact]
    public void Slurm_23_11_numbers_are_set_objects()
    {
        var jobs = SqueueJson.Parse(Read("squeue-23.11-constructed.json"));
        var running = Job(jobs, 101);
        Assert.Equal(101, running.BaseJobId);
        Assert.Null(running.ArrayTaskId);
        Assert.Null(running.HetJobOffset);
        Assert.Equal("train", running.Name);
        Assert.Equal("ada", running.User);
        Assert.Equal("gpu", running.Partition);
        Assert.Equal("gpu01", running.NodeList);
        Assert.Equal("", running.Reason);
        Assert.Equal(Unix(1795600000), running.SubmitTime);
        Assert.Equal(Unix(1795600010), running.StartTime);
        Assert.Null(running.EndTime);
        Assert.Null(running.ExitCode);

        var requeued = Job(jobs, 109);
        Assert.Equal("PENDING", requeued.State);
        Assert.Equal("BeginTime", requeued.Reason);
        Assert.Equal(1, requeued.RestartCount);
    }

    [Fact]
    public void Slurm_23_11_arrays_and_het_jobs()
    {
        var jobs = SqueueJson.Parse(Read("squeue-23.11-constructed.json"));
        var task = Job(jobs, 104);
        Assert.Equal(103, task.BaseJobId);
        Assert.Equal(0, task.ArrayTaskId);

        var rest = Job(jobs, 103);
        Assert.Equal(103, rest.BaseJobId);
        Assert.Null(rest.ArrayTaskId);
        Assert.Equal("JobArrayTaskLimit", rest.Reason);

        Assert.Equal([(105L, 105L, 0), (106L, 105L, 1)], jobs.Where(job => job.HetJobOffset is not null).Select(job => (job.JobId, job.BaseJobId, job.HetJobOffset!.Value)));
    }

    [Fact]
    public void Slurm_23_11_exit_codes_are_objects()
    {
        var jobs = SqueueJson.Parse(Read("squeue-23.11-constructed.json"));
        Assert.Equal((3, 0), (Job(jobs, 107).ExitCode, Job(jobs, 107).Signal));
        Assert.Equal((0, 9), (Job(jobs, 108).ExitCode, Job(jobs, 108).Signal));
        Assert.Equal((0, 15), (Job(jobs, 111).ExitCode, Job(jobs, 111).Signal));
        Assert.Equal((0, 0), (Job(jobs, 110).ExitCode, Job(jobs, 110).Signal));
        Assert.Equal(Unix(1795600090), Job(jobs, 110).EndTime);
        Assert.Null(Job(jobs, 112).ExitCode);
    }

    [Fact]
    public void A_job_state_of_flags_only_keeps_the_first()
    {
        var job = Assert.Single(SqueueJson.Parse("""{"jobs": [{"job_id": 5, "job_state": ["COMPLETING"]}]}"""));
        Assert.Equal("COMPLETING", job.State);
    }

    [Fact]
    public void Numbers_in_complex_mode_plain_null_or_infinity_are_read()
    {
        var job = Assert.Single(SqueueJson.Parse(
            """{"jobs": [{"job_id": 7, "job_state": ["PENDING"], "array_job_id": 6, "array_task_id": null, "het_job_id": null, "submit_time": 1795600000, "end_time": "Infinity"}]}"""));
        Assert.Equal(6, job.BaseJobId);
        Assert.Null(job.ArrayTaskId);
        Assert.Equal(Unix(1795600000), job.SubmitTime);
    }

    [Fact]
    public void No_jobs_is_an_empty_list()
    {
        Assert.Empty(SqueueJson.Parse("""{"meta": {}, "errors": [], "jobs": []}"""));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"jobs\": [", "not valid JSON")]
    [InlineData("squeue: error: Invalid user", "not valid JSON")]
    [InlineData("[]", "not an object")]
    [InlineData("{\"meta\": {}}", "no \"jobs\" list")]
    [InlineData("{\"jobs\": {}}", "no \"jobs\" list")]
    [InlineData("{\"jobs\": [3]}", "jobs[0] is a JSON Number")]
    [InlineData("{\"jobs\": [{\"job_state\": \"RUNNING\"}]}", "has no job_id")]
    [InlineData("{\"jobs\": [{\"job_id\": 4}]}", "job 4 has no job_state")]
    [InlineData("{\"jobs\": [{\"job_id\": 4, \"job_state\": []}]}", "job_state is []")]
    [InlineData("{\"jobs\": [{\"job_id\": \"x\", \"job_state\": \"RUNNING\"}]}", "jobs[0].job_id is \"x\"")]
    [InlineData("{\"jobs\": [{\"job_id\": 4, \"job_state\": \"RUNNING\", \"exit_code\": \"0:0\"}]}", "exit_code is \"0:0\"")]
    public void Malformed_output_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SqueueJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_reported_by_squeue_are_in_the_exception()
    {
        const string json = """
            {"jobs": [], "errors": [
              {"description": "Unable to query jobs", "error_number": 1, "error": "Unspecified error", "source": "slurm_load_jobs()"},
              {"error": "second problem"}
            ]}
            """;
        var error = Assert.Throws<FormatException>(() => SqueueJson.Parse(json));
        Assert.Contains("Unable to query jobs - Unspecified error - slurm_load_jobs()", error.Message, StringComparison.Ordinal);
        Assert.Contains("second problem", error.Message, StringComparison.Ordinal);
    }
}
