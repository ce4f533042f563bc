using Loom.Jobs.Components;
using Loom.Jobs.Tests.Components.Samples;

namespace Loom.Jobs.Tests.Components;

public sealed class ComponentCatalogTests
{
    private static readonly ComponentCatalog Catalog =
        ComponentCatalog.FromAssembly(typeof(Train).Assembly, typeof(Train).Namespace);

    [Fact]
    public void Finds_public_static_methods_returning_an_app()
    {
        Assert.Equal(["train.run", "train.strict"], Catalog.Components.Select(c => c.Name));
        var run = Catalog.Get("train.run");
        Assert.Equal("Trains a model.", run.Summary);
        Assert.Equal(["dataset", "num-replicas", "mem-mb", "debug", "mode", "env", "tag", "args"], run.Parameters.Select(p => p.Flag));
        Assert.Equal(["numReplicas", "num_replicas"], run.Parameters[1].Aliases);
        Assert.Equal(["memMB", "mem_mb"], run.Parameters[2].Aliases);
        Assert.True(run.Parameters[0].IsRequired);
        Assert.True(run.Parameters[^1].IsTrailingArgs);
        Assert.Equal("the dataset", run.Parameters[0].Help);
    }

    [Fact]
    public void Binds_flags_defaults_and_the_words_after_double_dash()
    {
        var app = Catalog.Bind("train.run", ["--dataset", "mnist", "--num_replicas", "3", "--memMB=2048", "--debug", "--mode", "slow", "--env", "A=1,B=x=y", "--", "main.py", "--lr", "0.1"]);
        var role = app.Roles[0];
        Assert.Equal("mnist-Slow-True-none", role.Name);
        Assert.Equal(3, role.NumReplicas);
        Assert.Equal(2048, role.Resource.MemMB);
        Assert.Equal(["main.py", "--lr", "0.1"], role.Args);
        Assert.Equal("x=y", role.Env["B"]);

        var defaults = Catalog.Bind("train.run", ["--dataset", "d"]).Roles[0];
        Assert.Equal(("d-Fast-False-none", 1, 1024), (defaults.Name, defaults.NumReplicas, defaults.Resource.MemMB));
        Assert.Empty(defaults.Args);
    }

    [Fact]
    public void Positional_words_go_to_the_trailing_args_and_bools_take_an_explicit_value()
    {
        var role = Catalog.Bind("train.run", ["--debug", "false", "--dataset", "d", "x.py", "-1"]).Roles[0];
        Assert.Equal("d-Fast-False-none", role.Name);
        Assert.Equal(["x.py", "-1"], role.Args);
    }

    [Theory]
    [InlineData(new[] { "--datset", "d" }, "did you mean dataset?")]
    [InlineData(new[] { "--num-replicas", "2" }, "--dataset is required")]
    [InlineData(new[] { "--dataset", "d", "--num-replicas", "two" }, "--num-replicas: expected a whole number, got \"two\"")]
    [InlineData(new[] { "--dataset" }, "--dataset needs a value")]
    [InlineData(new[] { "--dataset", "a", "--dataset", "b" }, "--dataset is given twice")]
    [InlineData(new[] { "--dataset", "a", "--mode", "medium" }, "expected one of Fast, Slow")]
    [InlineData(new[] { "--dataset", "a", "--env", "novalue" }, "KEY=VALUE")]
    public void Binding_errors_are_clear_and_carry_the_usage(string[] tokens, string expected)
    {
        var e = Assert.Throws<ComponentBindingException>(() => Catalog.Bind("train.run", tokens));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("usage: train.run [flags] [-- args...]", e.Usage, StringComparison.Ordinal);
        Assert.Contains("--num-replicas N", e.Usage, StringComparison.Ordinal);
        Assert.Contains("(also --numReplicas, --num_replicas)", e.Usage, StringComparison.Ordinal);
        Assert.Contains("the dataset (required)", e.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Components_without_trailing_args_reject_positional_words()
    {
        var e = Assert.Throws<ComponentBindingException>(() => Catalog.Bind("train.strict", ["-j", "1", "extra"]));
        Assert.Contains("takes no positional arguments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_exceptions_from_the_component_become_binding_errors()
    {
        Assert.Equal("s", Catalog.Bind("train.strict", ["-j", "2"]).Name);
        var e = Assert.Throws<ComponentBindingException>(() => Catalog.Bind("train.strict", ["-j", "0"]));
        Assert.Equal("train.strict: j must be positive", e.Message);
        Assert.Contains("-j N", e.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_components_get_a_did_you_mean()
    {
        var e = Assert.Throws<ComponentBindingException>(() => Catalog.Bind("train.rnu", []));
        Assert.Contains("did you mean \"train.run\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_asked_for_before_double_dash_only()
    {
        Assert.True(ComponentCatalog.WantsHelp(["-j", "1", "--help"]));
        Assert.False(ComponentCatalog.WantsHelp(["--", "--help"]));
    }
}
