using Loom.Jobs.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Jobs.Tests.Queue;

public sealed class JobStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(TestJobs.T0);

    public void Dispose() => _db.Dispose();

    private static JobRequest Request(string name = "train", string user = "alice") => new()
    {
        Name = name,
        User = user,
        Priority = 3,
        Gpus = 2,
        Cpus = 4,
        MemoryMb = 8192,
        Preemptible = true,
        TimeLimit = TimeSpan.FromMinutes(90),
        MaxRetries = 1,
        Dependencies = [new JobDependency(41, DependencyKind.AfterOk), new JobDependency(42, DependencyKind.AfterAny)],
    };

    [Fact]
    public void Queued_candidates_hold_only_as_many_tasks_of_a_capped_array_as_its_cap()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var single = store.Submit(Request("single") with { Dependencies = [] })[0];
        var capped = store.Submit(Request("capped") with { Dependencies = [], Array = ArraySpec.Parse("0-9%3") });
        var uncapped = store.Submit(Request("uncapped") with { Dependencies = [], Array = ArraySpec.Parse("0-3") });
        store.Transition(capped[0].Id, JobState.Running, "started", [0]);

        var candidates = store.QueuedCandidates().Select(j => j.Id).ToArray();

        long[] expected = [single.Id, capped[1].Id, capped[2].Id, capped[3].Id, .. uncapped.Select(j => j.Id)];
        Assert.Equal(expected, candidates);
    }

    [Fact]
    public void Opens_in_wal_mode_with_the_latest_schema_version()
    {
        using var store = JobStore.Open(_db.Path, _time);
        Assert.Equal("wal", store.JournalMode);
        Assert.Equal(JobStoreSchema.LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void A_submitted_job_keeps_every_field()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var job = Assert.Single(store.Submit(Request()));
        var loaded = store.Get(job.Id)!;
        Assert.Equal(job, loaded);
        Assert.Equal("train", loaded.Name);
        Assert.Equal(3, loaded.Priority);
        Assert.Equal(2, loaded.Gpus);
        Assert.Equal(4, loaded.Cpus);
        Assert.Equal(8192, loaded.MemoryMb);
        Assert.True(loaded.Preemptible);
        Assert.Equal(TimeSpan.FromMinutes(90), loaded.TimeLimit);
        Assert.Equal(1, loaded.MaxRetries);
        Assert.Equal(Request().Dependencies, loaded.Dependencies);
        Assert.Equal(JobState.Queued, loaded.State);
        Assert.Equal(TestJobs.T0, loaded.SubmittedAt);
        Assert.Null(loaded.StartedAt);
        Assert.Null(loaded.ArrayIndex);
    }

    [Fact]
    public void An_array_is_inserted_as_one_task_per_index_sharing_a_parent_and_cap()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var tasks = store.Submit(Request() with { Array = ArraySpec.Parse("0-9:3%2") });
        Assert.Equal([0, 3, 6, 9], tasks.Select(t => t.ArrayIndex!.Value));
        Assert.All(tasks, t => Assert.Equal(tasks[0].Id, t.ArrayParentId));
        Assert.All(tasks, t => Assert.Equal(2, t.ArrayMaxConcurrent));
        Assert.All(tasks, t => Assert.Equal(JobState.Queued, t.State));
    }

    [Fact]
    public void A_transition_changes_the_state_and_is_recorded_with_its_time_and_reason()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        _time.Advance(TimeSpan.FromMinutes(5));
        var started = store.Transition(id, JobState.Downloading, "Scheduled", [2, 3]);
        Assert.Equal(JobState.Downloading, started.State);
        Assert.Equal([2, 3], started.GpuIds);
        Assert.Equal(TestJobs.T0.AddMinutes(5), started.StartedAt);
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Transition(id, JobState.Running, "Data loaded");
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Transition(id, JobState.Storing, "Learners done");
        var done = store.Transition(id, JobState.Succeeded, "Stored");
        Assert.Empty(done.GpuIds);
        Assert.Equal(TestJobs.T0.AddMinutes(7), done.EndedAt);
        Assert.Equal("Stored", done.Reason);

        var history = store.History(id);
        Assert.Equal(
            [JobState.Queued, JobState.Downloading, JobState.Running, JobState.Storing, JobState.Succeeded],
            history.Select(h => h.To));
        Assert.Null(history[0].From);
        Assert.Equal(JobState.Queued, history[1].From);
        Assert.Equal(TestJobs.T0.AddMinutes(6), history[2].Time);
        Assert.Equal("Learners done", history[3].Reason);
    }

    [Fact]
    public void An_illegal_transition_is_rejected_and_changes_nothing()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        Assert.Throws<IllegalJobTransitionException>(() => store.Transition(id, JobState.Succeeded, "?"));
        Assert.Equal(JobState.Queued, store.Get(id)!.State);
        Assert.Single(store.History(id));
        Assert.Throws<KeyNotFoundException>(() => store.Transition(999, JobState.Running, "?"));
    }

    [Fact]
    public void A_failed_job_is_retried_until_its_policy_runs_out()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        store.Transition(id, JobState.Running, "Scheduled", [0, 1]);
        store.Transition(id, JobState.OutOfMemory, "Memory limit 8192 MiB");
        var retried = store.Retry(id, "Retry 1 of 1")!;
        Assert.Equal(JobState.Queued, retried.State);
        Assert.Equal(1, retried.RetryCount);
        store.Transition(id, JobState.Running, "Scheduled", [0, 1]);
        store.Transition(id, JobState.Failed, "Exit code 1");
        Assert.Throws<InvalidOperationException>(() => store.Transition(id, JobState.Queued, "sneaking back"));
        Assert.Null(store.Retry(id, "Retry 2 of 1"));
        Assert.Equal(JobState.Failed, store.Get(id)!.State);
        Assert.Throws<IllegalJobTransitionException>(() => store.Retry(store.Submit(Request())[0].Id, "not failed"));
    }

    [Fact]
    public void A_halted_job_resumes_through_resumed_back_to_the_queue()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        store.Transition(id, JobState.Running, "Scheduled", [0, 1]);
        var halted = store.Transition(id, JobState.Halted, "Preempted by job 9");
        Assert.Empty(halted.GpuIds);
        var queued = store.Resume(id, "GPUs free again");
        Assert.Equal(JobState.Queued, queued.State);
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued],
            store.History(id).Select(h => h.To));
    }

    [Fact]
    public void Queries_by_state_and_user_and_last_start_per_user()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var a = store.Submit(Request("a", "alice"))[0].Id;
        var b = store.Submit(Request("b", "bob"))[0].Id;
        store.Submit(Request("c", "bob"));
        _time.Advance(TimeSpan.FromMinutes(3));
        store.Transition(b, JobState.Running, "Scheduled", [0, 1]);

        Assert.Equal([b], store.ByState(JobState.Running).Select(j => j.Id));
        Assert.Equal(2, store.ByState(JobState.Queued).Count);
        Assert.Equal(["b", "c"], store.ByUser("bob").Select(j => j.Name));
        Assert.Equal(TestJobs.T0.AddMinutes(3), store.LastStartByUser()["bob"]);
        Assert.False(store.LastStartByUser().ContainsKey("alice"));
        Assert.Equal([a, b], store.Find([a, b, 777]).Keys.Order());
    }

    [Fact]
    public void Pass_overs_are_counted_and_reset_when_the_job_starts()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        store.RecordPassedOver([id]);
        store.RecordPassedOver([id]);
        Assert.Equal(2, store.Get(id)!.PassedOver);
        Assert.Equal(0, store.Transition(id, JobState.Running, "Scheduled", [0, 1]).PassedOver);
    }

    [Fact]
    public void Reopening_the_database_loses_no_queued_or_running_job_nor_any_history()
    {
        long queued, running, done;
        IReadOnlyList<JobRecord> array;
        using (var store = JobStore.Open(_db.Path, _time))
        {
            queued = store.Submit(Request("q"))[0].Id;
            running = store.Submit(Request("r"))[0].Id;
            done = store.Submit(Request("d"))[0].Id;
            array = store.Submit(Request("arr") with { Array = ArraySpec.Parse("0-3%2") });
            store.Transition(running, JobState.Running, "Scheduled", [0, 1]);
            store.Transition(done, JobState.Cancelled, "By user");
        }

        // The first store is gone without any shutdown step beyond closing its connection, as after a crash.
        using var reopened = JobStore.Open(_db.Path, _time);
        Assert.Equal("wal", reopened.JournalMode);
        var unfinished = reopened.LoadUnfinished();
        Assert.Equal(
            new[] { queued, running }.Concat(array.Select(t => t.Id)).Order(),
            unfinished.Select(j => j.Id));
        Assert.Equal([0, 1], reopened.Get(running)!.GpuIds);
        Assert.Equal([JobState.Queued, JobState.Running], reopened.History(running).Select(h => h.To));
        Assert.Equal([JobState.Queued, JobState.Cancelled], reopened.History(done).Select(h => h.To));
        Assert.Equal(array, reopened.ByState(JobState.Queued).Where(j => j.ArrayParentId is not null));
        var next = reopened.Submit(Request("after"))[0].Id;
        Assert.True(next > array[^1].Id);
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        using (var store = JobStore.Open(_db.Path, _time))
        {
            Assert.Equal(JobStoreSchema.LatestVersion, store.SchemaVersion);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99;";
            command.ExecuteNonQuery();
        }

        Assert.Throws<InvalidOperationException>(() => JobStore.Open(_db.Path, _time));
    }

    [Fact]
    public void A_preempted_job_is_halted_and_queued_again_with_its_reasons_recorded()
    {
        using var store = JobStore.Open(_db.Path, _time);
        var id = store.Submit(Request())[0].Id;
        store.Transition(id, JobState.Running, "Scheduled", [0, 1]);
        var queued = store.Preempted(id, byJobId: 9);
        Assert.Equal(JobState.Queued, queued.State);
        Assert.Empty(queued.GpuIds);
        var history = store.History(id);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued], history.Select(h => h.To));
        Assert.Equal("Preempted by job 9", history[2].Reason);
    }

    [Fact]
    public void Committed_jobs_survive_a_crash_of_the_head_that_wrote_them()
    {
        var store = JobStore.Open(_db.Path, _time);
        var queued = store.Submit(Request("q"))[0].Id;
        var running = store.Submit(Request("r"))[0].Id;
        store.Transition(running, JobState.Running, "Scheduled", [0, 1]);

        // Copy the database and its write-ahead log as they are on disk while the writer still runs: what a
        // head killed with SIGKILL at this moment leaves behind.
        var crashed = Path.Combine(_db.Directory, "crashed");
        Directory.CreateDirectory(crashed);
        foreach (var file in Directory.GetFiles(_db.Directory, "jobs.db*"))
        {
            File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
        }

        Assert.True(File.Exists(Path.Combine(crashed, "jobs.db-wal")));
        store.Dispose();

        using var restarted = JobStore.Open(Path.Combine(crashed, "jobs.db"), _time);
        Assert.Equal([queued, running], restarted.LoadUnfinished().Select(j => j.Id));
        Assert.Equal(JobState.Running, restarted.Get(running)!.State);
        Assert.Equal(2, restarted.History(running).Count);
    }
}
