using System.Security.Cryptography;
using System.Text;
using Loom.Jobs.Specs;
using Loom.Jobs.Staging;

namespace Loom.Jobs.Tests.Staging;

public sealed class InputStagerHttpTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("id,value\n1,10\n2,20\n");
    private static readonly byte[] Weights = RandomNumberGenerator.GetBytes(300_000);

    private static TestHttpServer Server(params string[] truncated) =>
        new(new Dictionary<string, byte[]> { ["files/data.csv"] = Csv, ["weights.bin"] = Weights }, truncated.ToHashSet());

    private static async Task Stage(TempFolder temp, params InputSpec[] inputs)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        await InputStager.StageAsync(inputs, temp["staging"], null, http, CancellationToken.None);
    }

    [Fact]
    public async Task A_url_is_downloaded_under_its_last_path_segment()
    {
        using var temp = new TempFolder();
        await using var server = Server();

        await Stage(
            temp,
            new InputSpec(server.Url("files/data.csv?version=2")),
            new InputSpec(server.Url("weights.bin"), "sha256:" + Convert.ToHexString(SHA256.HashData(Weights)), "model/w.bin"));

        Assert.Equal(Csv, File.ReadAllBytes(temp["staging/data.csv"]));
        Assert.Equal(Weights, File.ReadAllBytes(temp["staging/model/w.bin"]));
        Assert.Equal(["data.csv", "model"], TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_404_is_reported_and_nothing_is_left()
    {
        using var temp = new TempFolder();
        temp.Write("a.txt", "a");
        temp.Write("b.txt", "b");
        await using var server = Server();
        var url = server.Url("data.csv");

        var e = await Assert.ThrowsAsync<InputStagingException>(() =>
            Stage(temp, new InputSpec(temp["a.txt"]), new InputSpec(temp["b.txt"]), new InputSpec(url)));

        Assert.Equal(2, e.Index);
        Assert.Equal(url, e.Source);
        Assert.Equal($"input 2 ({url}): the server answered 404 Not Found", e.Message);
        Assert.Equal(["a.txt", "b.txt"], TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_download_failing_its_checksum_is_not_kept()
    {
        using var temp = new TempFolder();
        await using var server = Server();
        var url = server.Url("files/data.csv");

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, new InputSpec(url, "sha512:" + new string('0', 128))));

        Assert.StartsWith($"input 0 ({url}): checksum mismatch: expected sha512:{new string('0', 128)}, got sha512:", e.Message, StringComparison.Ordinal);
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_download_cut_short_is_not_kept()
    {
        using var temp = new TempFolder();
        await using var server = Server("weights.bin");

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, new InputSpec(server.Url("weights.bin"))));

        Assert.Equal(0, e.Index);
        Assert.Contains("the download failed: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_refused_connection_is_reported()
    {
        using var temp = new TempFolder();
        string url;
        await using (var server = Server())
        {
            url = server.Url("files/data.csv");
        }

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, new InputSpec(url)));

        Assert.StartsWith($"input 0 ({url}): could not download: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_url_without_a_file_name_needs_a_destination()
    {
        using var temp = new TempFolder();
        await using var server = Server();

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, new InputSpec(server.Url(""))));

        Assert.EndsWith("the source has no file name to stage it under; give a destination", e.Message, StringComparison.Ordinal);
    }
}
