using System.Security.Cryptography;
using System.Text;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceStagingTests
{
    [Fact]
    public async Task Local_inputs_are_staged_into_the_working_directory_before_the_run()
    {
        await using var f = new ServiceFixture();
        var data = f.ControlFile("data.txt");
        await File.WriteAllTextAsync(data, "payload");
        await File.WriteAllTextAsync(f.ControlFile("labels.txt"), "cat,dog");
        var app = ShApp("reader", "cat data.txt > seen.txt; cat labels/labels.txt > labels_seen.txt") with
        {
            Inputs = [new InputSpec(data, Sha256("payload")), new InputSpec("labels.txt", Destination: "labels/labels.txt")],
        };

        var id = f.Submit(app, s => s with { BaseDirectory = f.Control });
        var job = await f.WaitForState(id, JobState.Succeeded);

        Assert.Equal("payload", ReadReplicaFile(job, "seen.txt"));
        Assert.Equal("cat,dog", ReadReplicaFile(job, "labels_seen.txt"));
        Assert.Equal([JobState.Queued, JobState.Downloading, JobState.Running, JobState.Succeeded], f.States(id));
        var history = f.Service.Describe(id).History;
        Assert.Equal("Staging 2 input(s)", history[1].Reason);
        Assert.Equal("Inputs staged", history[2].Reason);
        Assert.Equal("payload", await File.ReadAllTextAsync(Path.Combine(job.Directory, "inputs", "data.txt")));
    }

    [Fact]
    public async Task An_input_with_the_wrong_checksum_fails_the_job_and_names_the_input()
    {
        await using var f = new ServiceFixture();
        var data = f.ControlFile("data.txt");
        await File.WriteAllTextAsync(data, "payload");
        var app = ShApp("reader", "touch ran") with { Inputs = [new InputSpec(data, Sha256("something else"))] };

        var id = f.Submit(app);
        var job = await f.WaitForState(id, JobState.Failed);

        Assert.StartsWith("Staging failed: input 0 (" + data + ")", job.Reason, StringComparison.Ordinal);
        Assert.Contains("checksum mismatch", job.Reason, StringComparison.Ordinal);
        Assert.Equal([JobState.Queued, JobState.Downloading, JobState.Failed], f.States(id));
        Assert.Empty(job.Replicas);
        Assert.False(File.Exists(Path.Combine(job.Directory, "worker", "0", "ran")), "the replica ran");
    }

    [Fact]
    public async Task Outputs_written_by_the_replica_are_stored_in_the_results_folder()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("trainer", "echo weights > model.bin; mkdir -p logs; echo loss=0.1 > logs/train.txt") with
        {
            Outputs = [new OutputSpec("model.bin"), new OutputSpec("logs/")],
        };

        var id = f.Submit(app);
        var job = await f.WaitForState(id, JobState.Succeeded);

        var results = Path.Combine(job.Directory, "results");
        Assert.Equal("weights\n", await File.ReadAllTextAsync(Path.Combine(results, "model.bin")));
        Assert.Equal("loss=0.1\n", await File.ReadAllTextAsync(Path.Combine(results, "logs", "train.txt")));
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Storing, JobState.Succeeded], f.States(id));
        Assert.Contains("outputs stored", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_no_replica_wrote_is_reported_with_the_success()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("forgetful", "true") with { Outputs = [new OutputSpec("model.bin")] };

        var id = f.Submit(app);
        var job = await f.WaitForState(id, JobState.Succeeded);

        Assert.Contains("no replica wrote model.bin", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_of_a_failed_run_are_not_stored()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("broken", "echo weights > model.bin; exit 1") with { Outputs = [new OutputSpec("model.bin")] };

        var id = f.Submit(app);
        var job = await f.WaitForState(id, JobState.Failed);

        Assert.DoesNotContain(JobState.Storing, f.States(id));
        Assert.False(File.Exists(Path.Combine(job.Directory, "results", "model.bin")));
    }

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
