using Loom.Jobs.Specs;
using Loom.Jobs.Staging;

namespace Loom.Jobs.Tests.Staging;

public sealed class OutputStorerTests
{
    [Fact]
    public void A_single_replica_stores_straight_under_the_results_folder()
    {
        using var temp = new TempFolder();
        temp.Write("w0/model.pt", "weights");
        temp.Write("w0/logs/run.log", "log");

        var stored = OutputStorer.Store(
            [new OutputSpec("model.pt"), new OutputSpec("logs/run.log")], [("trainer", 0, temp["w0"])], temp["results"]);

        Assert.Equal(
            [new StoredOutput("model.pt", [temp["results/model.pt"]], null), new StoredOutput("logs/run.log", [temp["results/logs/run.log"]], null)],
            stored,
            Same);
        Assert.Equal("weights", File.ReadAllText(temp["results/model.pt"]));
        Assert.Equal("log", File.ReadAllText(temp["results/logs/run.log"]));
    }

    [Fact]
    public void Several_replicas_store_under_role_and_replica_id()
    {
        using var temp = new TempFolder();
        temp.Write("t0/out.txt", "t0");
        temp.Write("t1/out.txt", "t1");
        Directory.CreateDirectory(temp["ps0"]);

        var stored = OutputStorer.Store(
            [new OutputSpec("out.txt")], [("trainer", 0, temp["t0"]), ("trainer", 1, temp["t1"]), ("ps", 0, temp["ps0"])], temp["results"]);

        Assert.Equal([temp["results/trainer/0/out.txt"], temp["results/trainer/1/out.txt"]], stored.Single().StoredAt);
        Assert.Null(stored.Single().Missing);
        Assert.Equal("t0", File.ReadAllText(temp["results/trainer/0/out.txt"]));
        Assert.Equal("t1", File.ReadAllText(temp["results/trainer/1/out.txt"]));
        Assert.False(Directory.Exists(temp["results/ps"]));
    }

    [Fact]
    public void A_folder_output_is_copied_recursively()
    {
        using var temp = new TempFolder();
        temp.Write("w0/checkpoints/epoch1/model.pt", "e1");
        temp.Write("w0/checkpoints/latest.txt", "epoch1");
        File.CreateSymbolicLink(temp["w0/checkpoints/best"], "epoch1/model.pt");
        temp.Write("w1/checkpoints/latest.txt", "other");

        var stored = OutputStorer.Store([new OutputSpec("checkpoints/")], [("a", 0, temp["w0"]), ("b", 0, temp["w1"])], temp["results"]);

        Assert.Equal([temp["results/a/0/checkpoints"], temp["results/b/0/checkpoints"]], stored.Single().StoredAt);
        Assert.Equal("e1", File.ReadAllText(temp["results/a/0/checkpoints/epoch1/model.pt"]));
        Assert.Equal("epoch1", File.ReadAllText(temp["results/a/0/checkpoints/latest.txt"]));
        Assert.Equal("epoch1/model.pt", new FileInfo(temp["results/a/0/checkpoints/best"]).LinkTarget);
        Assert.Equal("other", File.ReadAllText(temp["results/b/0/checkpoints/latest.txt"]));
    }

    [Fact]
    public void An_output_no_replica_wrote_is_reported_not_thrown()
    {
        using var temp = new TempFolder();
        temp.Write("w0/log.txt", "log");

        var stored = OutputStorer.Store([new OutputSpec("model.pt"), new OutputSpec("log.txt")], [("trainer", 0, temp["w0"])], temp["results"]);

        Assert.Equal("no replica wrote model.pt", stored[0].Missing);
        Assert.Empty(stored[0].StoredAt);
        Assert.Null(stored[1].Missing);
        Assert.Equal(["log.txt"], TempFolder.Entries(temp["results"]));
    }

    [Fact]
    public void A_destination_replaces_the_results_folder()
    {
        using var temp = new TempFolder();
        temp.Write("w0/model.pt", "weights");
        temp.Write("w0/log.txt", "log");

        var stored = OutputStorer.Store(
            [new OutputSpec("model.pt", temp["shared/models"]), new OutputSpec("log.txt")], [("trainer", 0, temp["w0"])], temp["results"]);

        Assert.Equal([temp["shared/models/model.pt"]], stored[0].StoredAt);
        Assert.Equal("weights", File.ReadAllText(temp["shared/models/model.pt"]));
        Assert.Equal(["log.txt"], TempFolder.Entries(temp["results"]));
    }

    [Fact]
    public void Storing_again_replaces_the_earlier_copy()
    {
        using var temp = new TempFolder();
        temp.Write("w0/out/a.txt", "a");
        OutputStorer.Store([new OutputSpec("out")], [("r", 0, temp["w0"])], temp["results"]);
        File.Delete(temp["w0/out/a.txt"]);
        temp.Write("w0/out/b.txt", "b");

        OutputStorer.Store([new OutputSpec("out")], [("r", 0, temp["w0"])], temp["results"]);

        Assert.Equal(["b.txt"], TempFolder.Entries(temp["results/out"]));
        Assert.Equal(["out"], TempFolder.Entries(temp["results"]));
    }

    [Fact]
    public void A_copy_that_fails_names_the_output_and_the_destination()
    {
        using var temp = new TempFolder();
        temp.Write("w0/model.pt", "weights");
        var blocker = temp.Write("not-a-folder", "a file where the destination folder should be");

        var e = Assert.Throws<OutputStoringException>(() =>
            OutputStorer.Store([new OutputSpec("model.pt", blocker)], [("trainer", 0, temp["w0"])], temp["results"]));

        Assert.Equal("model.pt", e.Output);
        Assert.Equal(Path.Combine(blocker, "model.pt"), e.Destination);
        Assert.StartsWith($"output model.pt: could not copy it to {Path.Combine(blocker, "model.pt")}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.txt", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData("./", null)]
    [InlineData("model.pt", "relative/folder")]
    public void An_unusable_path_or_destination_is_rejected(string path, string? destination)
    {
        using var temp = new TempFolder();
        temp.Write("w0/model.pt", "weights");

        var e = Assert.Throws<OutputStoringException>(() =>
            OutputStorer.Store([new OutputSpec(path, destination)], [("trainer", 0, temp["w0"])], temp["results"]));

        Assert.Equal(path, e.Output);
        Assert.False(Directory.Exists(temp["results"]));
    }

    private static readonly IEqualityComparer<StoredOutput> Same = EqualityComparer<StoredOutput>.Create(
        (a, b) => a!.Path == b!.Path && a.Missing == b.Missing && a.StoredAt.SequenceEqual(b.StoredAt),
        s => s.Path.GetHashCode(StringComparison.Ordinal));
}
