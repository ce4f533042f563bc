using System.Text.Json;

namespace Loom.Tests.Cli.Schedulers;

/// <summary>What <c>loom</c> does on Slurm beyond the shared contract: the script, run options, pending reasons, errors.</summary>
[Trait("Category", "Slurm")]
[Collection(SlurmSerial.Name)]
public sealed class SlurmCommandsTests(SlurmHomeFixture slurm) : IClassFixture<SlurmHomeFixture>
{
    [Fact]
    public async Task Dryrun_prints_the_sbatch_script_with_one_group_per_replica_and_submits_nothing()
    {
        var records = Records();
        var (code, stdout, stderr) = await slurm.Loom(
            "run", "-s", "slurm", "--dryrun", "-cfg", "partition=debug,account=ml", "utils.sh", "--num-replicas", "2", "--gpu", "1", "--", "echo", "hi");

        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("#!/bin/bash", stdout, StringComparison.Ordinal);
        Assert.Contains("#SBATCH hetjob", stdout, StringComparison.Ordinal);
        Assert.Contains("--partition=\"debug\"", stdout, StringComparison.Ordinal);
        Assert.Contains("--account=\"ml\"", stdout, StringComparison.Ordinal);
        Assert.Contains("--gres=gpu:1", stdout, StringComparison.Ordinal);
        Assert.Contains("srun", stdout, StringComparison.Ordinal);
        Assert.Equal(records, Records());
    }

    /// <summary>The submission records in the fixture's LOOM_HOME.</summary>
    private string[] Records()
    {
        var folder = Path.Combine(slurm.Home, "slurm", "jobs");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)] : [];
    }

    [Fact]
    public async Task Run_option_values_keep_their_commas()
    {
        var (code, stdout, stderr) = await slurm.Loom(
            "run", "-s", "slurm", "--dryrun", "-cfg", "mail_type=BEGIN,END,mail_user=me@example.org,partition=debug", "utils.echo");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("BEGIN,END", stdout, StringComparison.Ordinal);
        Assert.Contains("me@example.org", stdout, StringComparison.Ordinal);
        Assert.Contains("debug", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runopts_lists_the_slurm_run_options()
    {
        var (code, stdout, stderr) = await slurm.Loom("runopts", "-s", "slurm");

        Assert.True(code == 0, stdout + stderr);
        foreach (var option in new[] { "partition", "qos", "account", "constraint", "comment", "mail_user", "job_dir", "time_limit" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_run_option_is_a_usage_error_that_suggests_the_right_one()
    {
        var (code, _, stderr) = await slurm.Loom("run", "-s", "slurm", "--dryrun", "-cfg", "partiton=debug", "utils.echo");

        Assert.Equal(2, code);
        Assert.Contains("partiton", stderr, StringComparison.Ordinal);
        Assert.Contains("partition", stderr.Replace("partiton", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_and_after_are_refused_on_slurm_with_what_to_do_instead()
    {
        var (haltCode, _, haltErr) = await slurm.Loom("halt", "slurm://loom-local/12345");
        var (afterCode, _, afterErr) = await slurm.Loom("run", "-s", "slurm", "--after", "3", "utils.echo");

        Assert.Equal(2, haltCode);
        Assert.Contains("local jobs only", haltErr, StringComparison.Ordinal);
        Assert.Equal(2, afterCode);
        Assert.Contains("--after", afterErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_slurms_commands_the_error_says_how_to_get_them()
    {
        var empty = Path.Combine(slurm.Home, "empty-bin");
        Directory.CreateDirectory(empty);

        var (code, _, stderr) = await slurm.LoomWith(new Dictionary<string, string> { ["PATH"] = empty }, "run", "-s", "slurm", "utils.echo");

        Assert.Equal(1, code);
        Assert.Contains("sbatch", stderr, StringComparison.Ordinal);
        Assert.Contains("local-cluster.sh", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_unreachable_controller_is_named_with_what_to_check()
    {
        SlurmCluster.Ensure();
        // Slurm's real commands, pointed at a controller port where nothing listens.
        var folder = Path.Combine(slurm.Home, "unreachable");
        Directory.CreateDirectory(folder);
        var config = File.ReadAllLines("/etc/slurm/slurm.conf").Where(l => !l.StartsWith("SlurmctldPort", StringComparison.Ordinal)).Append("SlurmctldPort=1");
        await File.WriteAllLinesAsync(Path.Combine(folder, "slurm.conf"), config);
        File.Copy("/etc/slurm/gres.conf", Path.Combine(folder, "gres.conf"));

        var (code, _, stderr) = await slurm.LoomWith(
            new Dictionary<string, string> { ["SLURM_CONF"] = Path.Combine(folder, "slurm.conf") }, "run", "-s", "slurm", "utils.sh", "--", "true");

        Assert.Equal(1, code);
        Assert.Contains("does not answer", stderr, StringComparison.Ordinal);
        Assert.Contains("scontrol ping", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_failed_attempt_is_requeued_and_the_retry_succeeds()
    {
        SlurmCluster.Ensure();

        // The first attempt fails; Slurm's restart count tells the second one apart.
        var (code, stdout, stderr) = await slurm.Loom(
            "run", "-s", "slurm", "--wait", "-cfg", "max_retries=1", "utils.sh", "--memMB", "100", "--",
            "sh", "-c", "echo attempt ${SLURM_RESTART_COUNT:-0}; test \"${SLURM_RESTART_COUNT:-0}\" -ge 1 || exit 3");

        Assert.True(code == 0, stdout + stderr);
        var handle = stdout.Split('\n')[0].Trim();
        var (_, json, _) = await slurm.Loom("status", handle, "--json");
        using var status = JsonDocument.Parse(json);
        Assert.Equal("SUCCEEDED", status.RootElement.GetProperty("state").GetString());
        Assert.Equal(1, status.RootElement.GetProperty("retryCount").GetInt32());
        var (_, log, _) = await slurm.Loom("log", handle);
        Assert.Contains("attempt 0", log, StringComparison.Ordinal);
        Assert.Contains("attempt 1", log, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_job_folder_that_cannot_be_written_is_a_usage_error_before_anything_is_submitted()
    {
        SlurmCluster.Ensure();

        var (code, _, stderr) = await slurm.Loom("run", "-s", "slurm", "-cfg", "job_dir=/proc/loom-jobs", "utils.echo");

        Assert.Equal(2, code);
        Assert.Contains("job_dir", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_job_slurm_accepted_but_loom_could_not_record_is_named_so_nothing_is_lost()
    {
        SlurmCluster.Ensure();
        var jobs = Path.Combine(slurm.Home, "jobs-elsewhere");

        var (code, stdout, stderr) = await slurm.LoomWith(
            new Dictionary<string, string> { ["LOOM_HOME"] = "/proc/loom-home" }, "run", "-s", "slurm", "-cfg", "job_dir=" + jobs, "utils.sh", "--memMB", "50", "--", "true");

        var id = System.Text.RegularExpressions.Regex.Match(stderr, @"accepted the job as (\d+)");
        if (id.Success)
        {
            await slurm.Loom("cancel", "slurm://any/" + id.Groups[1].Value);
        }

        Assert.True(code == 1, stdout + stderr);
        Assert.True(id.Success, stderr);
        Assert.Contains("scancel " + id.Groups[1].Value, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Waiting_ends_when_a_job_with_retries_left_times_out()
    {
        SlurmCluster.Ensure();

        // Slurm requeues only from the batch script after a failed srun; a timeout ends the job for good.
        var (code, stdout, stderr) = await slurm.Loom(
            "run", "-s", "slurm", "--wait", "-cfg", "time_limit=1m,max_retries=1", "utils.sh", "--memMB", "100", "--", "sleep", "600");

        Assert.Equal(1, code);
        Assert.Contains("TIMEOUT", stderr, StringComparison.Ordinal);
        Assert.StartsWith("slurm://", stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_request_no_node_can_hold_is_rejected_with_sbatchs_reason()
    {
        SlurmCluster.Ensure();

        var (code, _, stderr) = await slurm.Loom("run", "-s", "slurm", "utils.sh", "--gpu", "99", "--", "true");

        Assert.Equal(2, code);
        Assert.Contains("sinfo", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_job_waiting_for_busy_nodes_shows_slurms_pending_reason_and_list_and_describe_show_it()
    {
        SlurmCluster.Ensure();
        var handles = new List<string>();
        try
        {
            // Each node has 2 GPUs: two jobs taking 2 each fill the cluster, the third must wait.
            for (var i = 0; i < 3; i++)
            {
                var (code, stdout, stderr) = await slurm.Loom("run", "-s", "slurm", "utils.sh", "--gpu", "2", "--memMB", "100", "--", "sleep", "600");
                Assert.True(code == 0, stdout + stderr);
                handles.Add(stdout.Split('\n')[0].Trim());
            }

            var waiting = handles[2];
            var (statusCode, json, statusErr) = await slurm.Loom("status", waiting, "--json");
            Assert.True(statusCode == 0, json + statusErr);
            using (var status = JsonDocument.Parse(json))
            {
                Assert.Equal("QUEUED", status.RootElement.GetProperty("state").GetString());
            }

            await ReasonAsync(waiting);
            var (_, human, _) = await slurm.Loom("status", waiting);
            Assert.Contains("reason", human, StringComparison.Ordinal);

            var (listCode, list, listErr) = await slurm.Loom("list", "-s", "slurm", "--json");
            Assert.True(listCode == 0, list + listErr);
            Assert.Contains(waiting, list, StringComparison.Ordinal);

            var (describeCode, description, describeErr) = await slurm.Loom("describe", waiting, "--json");
            Assert.True(describeCode == 0, description + describeErr);
            using var described = JsonDocument.Parse(description);
            Assert.NotEmpty(described.RootElement.GetProperty("job").GetProperty("schedulerJobIds").EnumerateArray());
        }
        finally
        {
            foreach (var handle in handles)
            {
                await slurm.Loom("cancel", handle);
            }
        }
    }

    /// <summary>Polls until Slurm has given the waiting job a reason (the scheduler sets it on its next pass).</summary>
    private async Task<string> ReasonAsync(string handle)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (_, json, _) = await slurm.Loom("status", handle, "--json");
            using var status = JsonDocument.Parse(json);
            var reason = status.RootElement.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
            if (reason.Contains("Resources", StringComparison.Ordinal) || reason.Contains("Priority", StringComparison.Ordinal))
            {
                return reason;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"{handle} still shows no pending reason: '{reason}'");
            await Task.Delay(500);
        }
    }
}
