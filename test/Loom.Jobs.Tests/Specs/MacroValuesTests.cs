using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Specs;

public sealed class MacroValuesTests
{
    [Fact]
    public void Each_replica_gets_its_own_values()
    {
        var role = new Role
        {
            Name = "r",
            Entrypoint = "echo",
            Args = ["--id", "${app_id}-${replica_id}", "${img_root}/bin"],
            Env = new Dictionary<string, string> { ["RANK"] = "${replica_id}" },
        };
        var replicas = Enumerable.Range(0, 2).Select(i => new MacroValues("job-1", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "MASTER_ADDR", "/img").Apply(role)).ToList();
        Assert.Equal(["--id", "job-1-0", "/img/bin"], replicas[0].Args);
        Assert.Equal(["--id", "job-1-1", "/img/bin"], replicas[1].Args);
        Assert.Equal("1", replicas[1].Env["RANK"]);
        Assert.Equal("${replica_id}", role.Env["RANK"]);
    }

    [Theory]
    [InlineData("$${${rank0_env}}:29500", "${MASTER_ADDR}:29500")]
    [InlineData("$$HOME", "$HOME")]
    [InlineData("${unknown} $other ${app_id", "${unknown} $other ${app_id")]
    [InlineData("$app_id/x", "a/x")]
    [InlineData("cost $", "cost $")]
    public void Substitution_follows_safe_substitute(string text, string expected) =>
        Assert.Equal(expected, new MacroValues("a", "0", "MASTER_ADDR", "/img").Substitute(text));
}
