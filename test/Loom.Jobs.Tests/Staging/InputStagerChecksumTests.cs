using System.Security.Cryptography;
using System.Text;
using Loom.Jobs.Specs;
using Loom.Jobs.Staging;

namespace Loom.Jobs.Tests.Staging;

public sealed class InputStagerChecksumTests
{
    private static string Digest(string algorithm, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var hash = algorithm == "sha256" ? SHA256.HashData(bytes) : SHA512.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }

    private static async Task Stage(TempFolder temp, params InputSpec[] inputs)
    {
        using var http = new HttpClient();
        await InputStager.StageAsync(inputs, temp["staging"], temp["spec"], http, CancellationToken.None);
    }

    [Theory]
    [InlineData("sha256", false)]
    [InlineData("sha512", false)]
    [InlineData("sha256", true)]
    [InlineData("sha512", true)]
    public async Task A_matching_checksum_passes_in_either_hex_case(string algorithm, bool upper)
    {
        using var temp = new TempFolder();
        temp.Write("spec/data.csv", "payload");
        var hex = Digest(algorithm, "payload");

        await Stage(temp, new InputSpec("./data.csv", $"{algorithm}:{(upper ? hex.ToUpperInvariant() : hex)}"));

        Assert.Equal("payload", File.ReadAllText(temp["staging/data.csv"]));
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task A_mismatched_checksum_fails_and_leaves_nothing_staged(string algorithm)
    {
        using var temp = new TempFolder();
        temp.Write("spec/first.txt", "first");
        temp.Write("spec/data.csv", "payload");
        var expected = Digest(algorithm, "something else");
        var actual = Digest(algorithm, "payload");

        var e = await Assert.ThrowsAsync<InputStagingException>(() =>
            Stage(temp, new InputSpec("first.txt"), new InputSpec("./data.csv", $"{algorithm}:{expected.ToUpperInvariant()}")));

        Assert.Equal(1, e.Index);
        Assert.Equal("./data.csv", e.Source);
        Assert.Equal($"input 1 (./data.csv): checksum mismatch: expected {algorithm}:{expected}, got {algorithm}:{actual}", e.Message);
        Assert.Equal(["first.txt"], TempFolder.Entries(temp["staging"]));
    }

    [Fact]
    public async Task A_checksum_on_a_folder_is_rejected()
    {
        using var temp = new TempFolder();
        temp.Write("spec/data/a.txt", "a");

        var e = await Assert.ThrowsAsync<InputStagingException>(() =>
            Stage(temp, new InputSpec("data/", "sha256:" + Digest("sha256", "a"))));

        Assert.Equal("input 0 (data/): checksums apply to files, and this is a folder; remove the checksum", e.Message);
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }

    [Theory]
    [InlineData("md5:abc")]
    [InlineData("sha256:abc")]
    [InlineData("sha256")]
    public async Task A_malformed_checksum_is_rejected(string checksum)
    {
        using var temp = new TempFolder();
        temp.Write("spec/data.csv", "x");

        var e = await Assert.ThrowsAsync<InputStagingException>(() => Stage(temp, new InputSpec("data.csv", checksum)));

        Assert.Contains("is not sha256:HEX", e.Message, StringComparison.Ordinal);
        Assert.Empty(TempFolder.Entries(temp["staging"]));
    }
}
