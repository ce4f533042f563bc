using Loom.Jobs.Specs;
using Loom.Jobs.Staging;

namespace Loom.Jobs.Tests.Staging;

public sealed class InputStagerLocalTests
{
    private static async Task Stage(TempFolder temp, string? baseDirectory, params InputSpec[] inputs)
    {
        using var http = new HttpClient();
        await InputStager.StageAsync(inputs, temp["staging"], baseDirectory, http, CancellationToken.None);
    }

    [Fact]
    public async Task A_local_file_is_copied_under_its_name()
    {
        using var temp = new TempFolder();
        var source = temp.Write("src/data.csv", "a,b\n1,2\n");

        await Stage(temp, null, new InputSpec(source));

        Assert.Equal("a,b\n1,2\n", File.ReadAllText(temp["staging/data.csv"]));
        Assert.True(File.Exists(source));
        Assert.Equal(["data.csv"], TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_local_folder_is_copied_recursively()
    {
        using var temp = new TempFolder();
        temp.Write("src/data/a.txt", "A");
        temp.Write("src/data/deep/er/b.txt", "B");
        Directory.CreateDirectory(temp["src/data/empty"]);

        await Stage(temp, null, new InputSpec(temp["src/data"] + "/"));

        Assert.Equal("A", File.ReadAllText(temp["staging/data/a.txt"]));
        Assert.Equal("B", File.ReadAllText(temp["staging/data/deep/er/b.txt"]));
        Assert.True(Directory.Exists(temp["staging/data/empty"]));
        Assert.Equal(["data"], TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_relative_source_is_taken_from_the_base_directory()
    {
        using var temp = new TempFolder();
        temp.Write("spec/data.csv", "x");
        temp.Write("spec/sub/more.txt", "y");

        await Stage(temp, temp["spec"], new InputSpec("./data.csv"), new InputSpec("sub/more.txt"));

        Assert.Equal("x", File.ReadAllText(temp["staging/data.csv"]));
        Assert.Equal("y", File.ReadAllText(temp["staging/more.txt"]));
    }

    [Fact]
    public async Task A_destination_renames_and_may_nest()
    {
        using var temp = new TempFolder();
        var file = temp.Write("src/data.csv", "x");
        temp.Write("src/folder/f.txt", "f");

        await Stage(temp, null, new InputSpec(file, Destination: "inputs/train.csv"), new InputSpec(temp["src/folder"], Destination: "renamed"));

        Assert.Equal("x", File.ReadAllText(temp["staging/inputs/train.csv"]));
        Assert.Equal("f", File.ReadAllText(temp["staging/renamed/f.txt"]));
        Assert.Equal(["inputs", "renamed"], TempFolder.Entries(temp["staging"]));
    }

    [Theory]
    [InlineData("../escaped.csv")]
    [InlineData("a/../../escaped.csv")]
    [InlineData("/tmp/escaped.csv")]
    public async Task A_destination_outside_the_staging_folder_is_rejected(string destination)
    {
        using var temp = new TempFolder();
        var file = temp.Write("src/data.csv", "x");

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, null, new InputSpec(file, Destination: destination)));

        Assert.Equal(0, e.Index);
        Assert.Equal(file, e.Source);
        Assert.StartsWith($"input 0 ({file}): destination \"{destination}\" ", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp["escaped.csv"]));
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_missing_source_is_reported_with_its_index()
    {
        using var temp = new TempFolder();
        var file = temp.Write("src/ok.txt", "ok");
        var missing = temp["nope"];

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, null, new InputSpec(file), new InputSpec(missing)));

        Assert.Equal(1, e.Index);
        Assert.Equal(missing, e.Source);
        Assert.Equal($"input 1 ({missing}): no such file or folder", e.Message);
    }

    [Fact]
    public async Task An_unsupported_scheme_is_rejected()
    {
        using var temp = new TempFolder();

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, null, new InputSpec("s3://bucket/data.csv")));

        Assert.Equal("input 0 (s3://bucket/data.csv): unsupported source; use a local path or an http:// or https:// URL", e.Message);
    }

    [Fact]
    public async Task Two_inputs_with_the_same_name_are_rejected()
    {
        using var temp = new TempFolder();
        var a = temp.Write("a/data.csv", "a");
        var b = temp.Write("b/data.csv", "b");

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, null, new InputSpec(a), new InputSpec(b)));

        Assert.Equal(1, e.Index);
        Assert.Contains("input 0 is already staged at", e.Message, StringComparison.Ordinal);
        Assert.Equal("a", File.ReadAllText(temp["staging/data.csv"]));
    }

    [Fact]
    public async Task A_cancelled_copy_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        temp.Write("src/data/a.txt", "a");
        temp.Write("src/data/b.txt", "b");
        using var http = new HttpClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            InputStager.StageAsync([new InputSpec(temp["src/data"])], temp["staging"], null, http, new CancellationToken(canceled: true)));

        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task Staging_again_replaces_what_was_staged()
    {
        using var temp = new TempFolder();
        var file = temp.Write("src/data.csv", "old");
        await Stage(temp, null, new InputSpec(file));
        File.WriteAllText(file, "new");

        await Stage(temp, null, new InputSpec(file));

        Assert.Equal("new", File.ReadAllText(temp["staging/data.csv"]));
        Assert.Equal(["data.csv"], TempFolder.Entries(temp["staging"]));
    }
}
