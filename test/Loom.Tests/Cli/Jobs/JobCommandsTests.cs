using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;

namespace Loom.Tests.Cli.Jobs;

/// <summary>The job verbs of the real loom binary against a real head in a temporary LOOM_HOME.</summary>
[Trait("Category", "Integration")]
public sealed class JobCommandsTests(HeadFixture head) : IClassFixture<HeadFixture>
{
    [Fact]
    public async Task Run_with_wait_prints_the_handle_alone_and_exits_zero_on_success()
    {
        var (code, stdout, stderr) = await head.Loom("run", "--wait", "utils.echo", "--msg", "hello from loom");

        Assert.True(code == 0, stdout + stderr);
        var handle = stdout.Split('\n')[0];
        Assert.Matches(@"^local://loom/echo-\d+$", handle);
        var (statusCode, json, _) = await head.Loom("status", handle, "--json");
        Assert.Equal(0, statusCode);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("SUCCEEDED", document.RootElement.GetProperty("state").GetString());
        var (_, log, _) = await head.Loom("log", handle);
        Assert.Contains("hello from loom", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_wait_exits_non_zero_when_the_job_fails_and_says_why()
    {
        var (code, _, stderr) = await head.Loom("run", "--wait", "utils.sh", "--", "sh", "-c", "exit 7");

        Assert.Equal(1, code);
        Assert.Contains("FAILED", stderr, StringComparison.Ordinal);
        Assert.Contains("exited with code 7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_replica_gets_its_rank_and_its_own_gpus()
    {
        var id = await head.SubmitAsync(
            "run", "--wait", "utils.sh", "--num-replicas", "2", "--gpu", "2", "--", "sh", "-c", "echo rank=$RANK world=$WORLD_SIZE gpus=$CUDA_VISIBLE_DEVICES");

        var job = await head.Client.GetAsync(id);
        Assert.Equal(JobState.Succeeded, job.State);
        var (_, log, _) = await head.Loom("log", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--regex", "rank=");
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("rank=0 world=2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rank=1 world=2", StringComparison.Ordinal));
        var gpus = lines.Select(l => l[(l.IndexOf("gpus=", StringComparison.Ordinal) + 5)..].Trim()).ToArray();
        Assert.Equal(4, gpus.SelectMany(g => g.Split(',')).Distinct().Count());
    }

    [Fact]
    public async Task Log_selects_a_replica_a_stream_and_the_last_lines()
    {
        var id = await head.SubmitAsync("run", "--wait", "utils.sh", "--", "sh", "-c", "for i in 1 2 3 4 5; do echo out$i; done; echo err1 >&2");
        var handle = (await head.Client.GetAsync(id)).Handle;

        var (_, tail, _) = await head.Loom("log", handle, "sh/0", "--tail", "2", "--streams", "stdout");
        Assert.Equal(["out4", "out5"], tail.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var (_, errors, _) = await head.Loom("log", handle, "--streams", "stderr");
        Assert.Equal("err1", errors.Trim());
        var (code, _, stderr) = await head.Loom("log", handle, "trainer/0");
        Assert.Equal(2, code);
        Assert.Contains("sh/0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_follow_prints_until_the_job_ends()
    {
        var release = Path.Combine(head.Home, "release-follow");
        var id = await head.SubmitAsync("run", "utils.sh", "--", "sh", "-c", $"echo first; while [ ! -f {release} ]; do sleep 0.05; done; echo last");
        await head.WaitForStateAsync(id, JobState.Running);

        var follow = head.Loom("log", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--follow");
        await File.WriteAllTextAsync(release, "");
        var (code, stdout, _) = await follow;

        Assert.Equal(0, code);
        Assert.Equal(["first", "last"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Cancel_stops_a_running_job()
    {
        var id = await head.SubmitAsync("run", "utils.sh", "--", "sleep", "600");
        var running = await head.WaitForAsync(id, j => j.State == JobState.Running && j.Replicas.Count == 1);

        var (code, stdout, _) = await head.Loom("cancel", running.Handle);

        Assert.Equal(0, code);
        Assert.Contains(running.Handle, stdout, StringComparison.Ordinal);
        var cancelled = await head.WaitForStateAsync(id, JobState.Cancelled);
        Assert.False(Directory.Exists($"/proc/{cancelled.Replicas[0].Pid}") && !File.ReadAllText($"/proc/{cancelled.Replicas[0].Pid}/stat").Contains(" Z ", StringComparison.Ordinal));
        var (again, _, error) = await head.Loom("cancel", running.Handle);
        Assert.Equal(1, again);
        Assert.Contains("already ended", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_keeps_the_checkpoint_and_resume_restarts_from_it()
    {
        var script = Path.Combine(head.Work, "checkpointing.sh");
        await File.WriteAllTextAsync(script, """
            if [ -n "$LOOM_RESUME_FROM" ]; then echo "resumed from $(cat $LOOM_RESUME_FROM)"; exit 0; fi
            trap 'echo step-41 > $LOOM_CHECKPOINT_DIR/ckpt; exit 0' TERM
            touch started
            while true; do sleep 0.05; done
            """);
        var id = await head.SubmitAsync("run", "utils.sh", "--", "sh", script);
        var running = await head.WaitForAsync(id, j => j.State == JobState.Running && j.Replicas.Count == 1);
        await head.WaitForFileAsync(Path.Combine(running.Replicas[0].Directory, "started"));

        Assert.Equal(0, (await head.Loom("halt", running.Handle)).ExitCode);
        var halted = await head.WaitForStateAsync(id, JobState.Halted);
        Assert.True(File.Exists(Path.Combine(halted.Directory, "checkpoints", "ckpt")));
        Assert.Equal(0, (await head.Loom("resume", running.Handle)).ExitCode);
        await head.WaitForStateAsync(id, JobState.Succeeded);

        var (_, log, _) = await head.Loom("log", running.Handle);
        Assert.Contains("resumed from step-41", log, StringComparison.Ordinal);
        var (_, describe, _) = await head.Loom("describe", running.Handle, "--json");
        using var document = JsonDocument.Parse(describe);
        var states = document.RootElement.GetProperty("history").EnumerateArray().Select(t => t.GetProperty("to").GetString() ?? "").ToArray();
        Assert.Equal(["QUEUED", "RUNNING", "HALTED", "RESUMED", "QUEUED", "RUNNING", "SUCCEEDED"], states);
    }

    [Fact]
    public async Task Batch_runs_every_line_with_its_own_gpu_and_names_the_failed_lines()
    {
        var file = Path.Combine(head.Work, "lines.txt");
        await File.WriteAllLinesAsync(file, ["echo gpu=$CUDA_VISIBLE_DEVICES", "", "# a comment", "echo gpu=$CUDA_VISIBLE_DEVICES", "exit 3", "echo gpu=$CUDA_VISIBLE_DEVICES"]);

        var (code, stdout, stderr) = await head.Loom("batch", file, "-j", "2", "--gpus", "1", "--wait");

        Assert.Equal(1, code);
        Assert.Contains("3 of 4 lines succeeded", stderr, StringComparison.Ordinal);
        Assert.Contains("line 5 (exit 3): FAILED", stderr, StringComparison.Ordinal);
        Assert.True(JobHandleOf(stdout, out var parent));
        var tasks = await head.Client.ListAsync(arrayParentId: parent);
        Assert.Equal(4, tasks.Count);
        foreach (var task in tasks.Where(t => t.State == JobState.Succeeded))
        {
            var (_, log, _) = await head.Loom("log", task.Handle);
            Assert.Matches(@"^gpu=[0-3]$", log.Trim());
        }
    }

    [Fact]
    public async Task A_spec_file_stages_its_inputs_and_stores_its_outputs()
    {
        var data = Path.Combine(head.Work, "data.txt");
        await File.WriteAllTextAsync(data, "42");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(data)));
        var spec = Path.Combine(head.Work, "app.yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: stage
            inputs:
              - source: data.txt
                checksum: sha256:{{sha}}
            outputs:
              - model.txt
            roles:
              - name: trainer
                entrypoint: sh
                args: ["-c", "cat data.txt > model.txt"]
            """);

        var id = await head.SubmitAsync("run", "--wait", "./app.yaml");

        var description = await head.Client.DescribeAsync(id);
        Assert.Contains(description.History, t => t.To == JobState.Downloading);
        Assert.Contains(description.History, t => t.To == JobState.Storing);
        Assert.Equal("42", await File.ReadAllTextAsync(Path.Combine(description.Job.Directory, "results", "model.txt")));
    }

    [Fact]
    public async Task List_filters_by_state_and_prints_json()
    {
        var id = await head.SubmitAsync("run", "--wait", "utils.echo");

        var (code, json, _) = await head.Loom("list", "-s", "local", "--json", "--state", "succeeded");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(json);
        var jobs = document.RootElement.EnumerateArray().ToArray();
        Assert.Contains(jobs, j => j.GetProperty("id").GetInt64() == id);
        Assert.All(jobs, j => Assert.Equal("SUCCEEDED", j.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_api_refuses_a_wrong_token_with_401_and_says_where_the_token_is()
    {
        using var http = new HttpClient { BaseAddress = new Uri(head.Client.Address.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await http.GetAsync(new Uri("api/v1/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("bearer token is wrong", body, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(head.Home, "token"), body, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = new Uri(head.Client.Address.Url) };
        using var missing = await anonymous.GetAsync(new Uri("api/v1/head", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task The_token_file_is_readable_only_by_its_owner_and_the_api_is_described_by_openapi()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(head.Home, "token")));
        }

        using var http = new HttpClient { BaseAddress = new Uri(head.Client.Address.Url) };

        var document = await http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/v1/jobs/{id}/halt", document, StringComparison.Ordinal);
        Assert.Contains("JobSubmission", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_from_a_csharp_project_takes_its_parameters_as_flags_with_help()
    {
        var project = Path.Combine(RepositoryRoot(), "examples", "Components", "Loom.Examples.Components.csproj");

        var (helpCode, help, _) = await head.Loom("run", project + ":experiments.train", "--help");
        var id = await head.SubmitAsync("run", "--wait", project + ":experiments.train", "--lr", "0.5", "--epochs", "2", "--gpu", "1");

        Assert.Equal(0, helpCode);
        Assert.Contains("the learning rate", help, StringComparison.Ordinal);
        var (_, log, _) = await head.Loom("log", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"epoch 1 lr=0.5 rank=0 gpus=[0-3]\nepoch 2 lr=0.5", log);
        var (badCode, _, bad) = await head.Loom("run", project + ":experiments.train", "--rate", "0.5");
        Assert.Equal(2, badCode);
        Assert.Contains("unknown flag", bad, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Loom.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    private static bool JobHandleOf(string stdout, out long id) =>
        Loom.Jobs.Api.JobHandle.TryParse(stdout.Split('\n')[0].Trim(), out id, out _);
}
