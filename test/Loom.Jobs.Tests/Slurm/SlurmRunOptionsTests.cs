using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm;
using Loom.Jobs.Slurm.Options;
using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmRunOptionsTests : IDisposable
{
    private readonly SlurmTestApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Fact]
    public void Run_options_become_sbatch_flags()
    {
        var options = new Dictionary<string, string>
        {
            ["partition"] = "gpu",
            ["qos"] = "high",
            ["account"] = "ml",
            ["constraint"] = "a100",
            ["comment"] = "my run",
            ["mail_user"] = "me@example.org",
            ["mail_type"] = "END,FAIL",
            ["time_limit"] = "2h",
            ["max_retries"] = "3",
            ["exclusive"] = "true",
            ["job_dir"] = "out/jobs",
        };
        var role = Sh("r", "true", replicas: 2) with { Resource = new Resource { Cpu = 1, Gpu = 2, MemMB = 100 } };

        var lines = Directives(role, options);

        var jobDir = Path.Combine(_apps.Home, "out", "jobs");
        Assert.Equal(
            [
                "--job-name=app-r-0", "--ntasks=1", "--cpus-per-task=1", "--mem=100", "--gres=gpu:2", "--partition=\"gpu\"", "--qos=\"high\"",
                "--account=\"ml\"", "--constraint=\"a100\"", "--exclusive", "--time=120", "--comment=\"my run\"", "--mail-user=\"me@example.org\"",
                "--mail-type=\"END,FAIL\"", "--requeue", $"--chdir=\"{_apps.Home}\"", $"--output=\"{jobDir}/slurm-%j.out\"", $"--error=\"{jobDir}/slurm-%j.err\"", "--open-mode=append",
                "hetjob",
                "--job-name=app-r-1", "--ntasks=1", "--cpus-per-task=1", "--mem=100", "--gres=gpu:2", "--partition=\"gpu\"", "--qos=\"high\"",
                "--account=\"ml\"", "--constraint=\"a100\"", "--exclusive",
            ],
            lines);
    }

    [Fact]
    public void Nomem_leaves_out_mem_and_gpu_flag_picks_gpus_per_task()
    {
        var role = Sh("r", "true") with { Resource = new Resource { Gpu = 1, MemMB = 4096 } };

        var lines = Directives(role, new Dictionary<string, string> { ["nomem"] = "yes", ["gpu_flag"] = "gpus-per-task" });

        Assert.DoesNotContain(lines, l => l.StartsWith("--mem", StringComparison.Ordinal));
        Assert.Contains("--gpus-per-task=1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("--gres", StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_memory_leaves_out_mem_so_the_clusters_default_applies()
    {
        var lines = Directives(Sh("r", "true"), new Dictionary<string, string>());

        Assert.DoesNotContain(lines, l => l.StartsWith("--mem", StringComparison.Ordinal) || l.StartsWith("--cpus", StringComparison.Ordinal));
    }

    [Fact]
    public void The_apps_time_limit_applies_unless_a_run_option_overrides_it()
    {
        var app = App(Sh("r", "true")) with { TimeLimit = TimeSpan.FromMinutes(45) };
        using var scheduler = _apps.Scheduler();

        Assert.Contains("#SBATCH --time=45\n", scheduler.DryRun(_apps.Submission(app)), StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=1:30\n", scheduler.DryRun(_apps.Submission(app, new Dictionary<string, string> { ["time"] = "90s" })), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_a_suggestion()
    {
        using var scheduler = _apps.Scheduler();

        var error = Assert.Throws<SchedulerException>(() =>
            scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), new Dictionary<string, string> { ["partiton"] = "gpu" })));

        Assert.True(error.IsUsageError);
        Assert.Contains("did you mean \"partition\"?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_retries", "-1")]
    [InlineData("exclusive", "maybe")]
    [InlineData("time_limit", "soon")]
    [InlineData("gpu_flag", "gpus")]
    [InlineData("partition", "")]
    [InlineData("comment", "say\thi")]
    [InlineData("job_dir", "C:\\jobs")]
    [InlineData("time", "99999999d")]
    public void A_bad_value_is_a_usage_error(string key, string value)
    {
        using var scheduler = _apps.Scheduler();

        var error = Assert.Throws<SchedulerException>(() =>
            scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), new Dictionary<string, string> { [key] = value })));

        Assert.True(error.IsUsageError);
    }

    [Fact]
    public void An_array_of_a_multi_replica_app_is_a_usage_error()
    {
        using var scheduler = _apps.Scheduler();

        var error = Assert.Throws<SchedulerException>(() => scheduler.DryRun(_apps.Submission(App(Sh("r", "true", replicas: 2)), array: "0-3")));

        Assert.True(error.IsUsageError);
        Assert.Contains("heterogeneous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runopts_lists_every_option()
    {
        Assert.Equal(
            ["partition", "qos", "account", "constraint", "comment", "mail_user", "mail_type", "job_dir", "time_limit", "max_retries", "gpu_flag", "nomem", "exclusive"],
            SlurmScheduler.RunOptions.Select(o => o.Name));
        Assert.All(SlurmScheduler.RunOptions, o => Assert.NotEmpty(o.Help));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("45", 2700)]
    [InlineData("10:30", 630)]
    [InlineData("1:00:00", 3600)]
    [InlineData("2-12", 216000)]
    [InlineData("1-00:30", 88200)]
    [InlineData("1-00:00:05", 86405)]
    public void Durations_are_read_in_loom_and_slurm_forms(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SlurmDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("5x")]
    [InlineData("h")]
    [InlineData("1:2:3:4")]
    [InlineData("-5")]
    public void Bad_durations_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => SlurmDuration.Parse(text));
    }

    [Theory]
    [InlineData(90, "1:30")]
    [InlineData(1800, "30")]
    [InlineData(86400, "1440")]
    [InlineData(61, "1:01")]
    public void Durations_are_written_as_minutes_or_minutes_and_seconds(int seconds, string expected)
    {
        Assert.Equal(expected, SlurmDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    private List<string> Directives(Role role, Dictionary<string, string> options)
    {
        using var scheduler = _apps.Scheduler();
        return scheduler.DryRun(_apps.Submission(App(role), options)).Split('\n')
            .Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal))
            .Select(l => l[8..])
            .ToList();
    }
}
