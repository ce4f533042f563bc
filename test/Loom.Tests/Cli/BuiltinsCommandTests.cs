using System.Text.Json;

namespace Loom.Tests.Cli;

public sealed class BuiltinsCommandTests
{
    [Fact]
    public async Task Builtins_json_lists_every_builtin_with_a_summary()
    {
        var (exit, stdout, _) = await LoomProcess.RunAsync("builtins", "--json");

        Assert.Equal(0, exit);
        var names = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Name: e.GetProperty("name").GetString(), Summary: e.GetProperty("summary").GetString()))
            .ToList();
        Assert.Equal(["dist.ddp", "dist.spmd", "utils.binary", "utils.copy", "utils.echo", "utils.python", "utils.sh"], names.Select(n => n.Name));
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n.Summary)));
    }

    [Fact]
    public async Task A_builtin_shows_its_flags_and_print_shows_its_source()
    {
        var usage = await LoomProcess.RunAsync("builtins", "dist.ddp");
        var source = await LoomProcess.RunAsync("builtins", "utils.sh", "--print");

        Assert.Equal(0, usage.ExitCode);
        Assert.Contains("-j TEXT", usage.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, source.ExitCode);
        Assert.Contains("public static AppDef Sh(", source.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_builtin_is_an_error_that_lists_the_known_ones()
    {
        var (exit, _, stderr) = await LoomProcess.RunAsync("builtins", "utils.nope");

        Assert.Equal(2, exit);
        Assert.Contains("There is no builtin 'utils.nope'", stderr, StringComparison.Ordinal);
        Assert.Contains("utils.sh", stderr, StringComparison.Ordinal);
    }
}
