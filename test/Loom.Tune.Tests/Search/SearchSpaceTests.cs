namespace Loom.Tune.Tests.Search;

using Loom.Tune.Search;

public sealed class SearchSpaceTests
{
    [Fact]
    public void Flatten_joins_nested_names_in_declaration_order_and_normalises_constants()
    {
        var lr = Tune.LogUniform(1e-4, 1e-1);
        var space = new SearchSpace
        {
            ["lr"] = lr,
            ["batch"] = 64,
            ["optimizer"] = new SearchSpace
            {
                ["name"] = "sgd",
                ["schedule"] = new SearchSpace { ["warmup"] = 0.5f, ["cosine"] = true },
            },
            ["seed"] = null,
        };

        var flat = space.Flatten();

        Assert.Equal(["lr", "batch", "optimizer/name", "optimizer/schedule/warmup", "optimizer/schedule/cosine", "seed"], flat.Select(f => f.Name));
        Assert.Same(lr, flat[0].Entry);
        Assert.Equal(64L, flat[1].Entry);
        Assert.Equal(0.5, flat[3].Entry);
        Assert.Null(flat[5].Entry);
    }

    [Fact]
    public void Fluent_and_collection_initializer_forms_build_the_same_space()
    {
        var fluent = new SearchSpace().Add("a", 1).Add("b", Tune.Choice("x", "y"));
        var initialized = new SearchSpace { { "a", 1 }, { "b", Tune.Choice("x", "y") } };

        Assert.Equal(fluent.Flatten().Select(f => f.Name), initialized.Flatten().Select(f => f.Name));
        Assert.Equal(2, fluent.Count);
        fluent["a"] = 2;
        Assert.Equal(["a", "b"], fluent.Flatten().Select(f => f.Name));
        Assert.Equal(2L, fluent["a"]);
    }

    [Fact]
    public void Invalid_names_and_values_are_refused()
    {
        var space = new SearchSpace { ["a"] = 1 };

        Assert.Throws<ArgumentException>(() => space.Add("a", 2));
        Assert.Contains("without '/'", Assert.Throws<ArgumentException>(() => space["x/y"] = 1).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => space[""] = 1);
        Assert.Throws<ArgumentException>(() => space["list"] = new List<int> { 1 });
        Assert.Throws<ArgumentException>(() => space["self"] = space);
        Assert.Throws<KeyNotFoundException>(() => space["missing"]);
    }

    [Fact]
    public void GridVariants_cross_the_grids_with_the_first_parameter_by_path_fastest_as_Ray()
    {
        var space = new SearchSpace
        {
            ["foo"] = Tune.GridSearch(1, 2, 3),
            ["bar"] = Tune.GridSearch(true, false),
            ["lr"] = Tune.Uniform(0, 1),
        };

        var variants = space.GridVariants().Select(v => v.ToString()).ToList();

        Assert.Equal(
            ["bar=True, foo=1", "bar=False, foo=1", "bar=True, foo=2", "bar=False, foo=2", "bar=True, foo=3", "bar=False, foo=3"],
            variants);
        Assert.Equal([TrialConfig.Empty.ToString()], new SearchSpace { ["x"] = Tune.Uniform(0, 1) }.GridVariants().Select(v => v.ToString()));
    }

    [Fact]
    public void Nested_grids_are_ordered_by_their_path_segments()
    {
        var space = new SearchSpace
        {
            ["b"] = Tune.GridSearch(1, 2),
            ["a"] = new SearchSpace { ["z"] = Tune.GridSearch("p", "q") },
        };

        Assert.Equal(
            ["a/z=p, b=1", "a/z=q, b=1", "a/z=p, b=2", "a/z=q, b=2"],
            space.GridVariants().Select(v => v.ToString()));
    }

    [Fact]
    public void Resolve_keeps_the_variant_copies_constants_samples_domains_then_SampleFrom()
    {
        var space = new SearchSpace
        {
            ["double_width"] = Tune.SampleFrom(c => c.Get<long>("model/width") * 2),
            ["model"] = new SearchSpace { ["width"] = Tune.RandInt(1, 100), ["act"] = Tune.GridSearch("relu", "tanh") },
            ["lr"] = Tune.Uniform(0.1, 0.2),
            ["batch"] = 32,
            ["label"] = Tune.SampleFrom(c => $"{c["model/act"]}-{c["double_width"]}-{c["batch"]}"),
        };
        var variant = space.GridVariants()[1];

        var config = space.Resolve(variant, new Random(7));

        var width = config.Get<long>("model/width");
        Assert.Equal("tanh", config["model/act"]);
        Assert.InRange(width, 1, 99);
        Assert.Equal(width * 2, config["double_width"]);
        Assert.Equal($"tanh-{width * 2}-32", config["label"]);
        Assert.InRange(config.Get<double>("lr"), 0.1, 0.2);
        Assert.Equal(32L, config["batch"]);
        Assert.Equal(config.Values.ToList(), space.Resolve(variant, new Random(7)).Values.ToList());
    }

    [Fact]
    public void Resolve_refuses_unknown_names_missing_grid_values_and_cyclic_functions()
    {
        var space = new SearchSpace { ["a"] = Tune.GridSearch(1, 2), ["b"] = Tune.Uniform(0, 1) };

        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => space.Resolve(new TrialConfig([new("nope", 1)]), new Random(1))).Message, StringComparison.Ordinal);
        Assert.Contains("grid", Assert.Throws<ArgumentException>(() => space.Resolve(TrialConfig.Empty, new Random(1))).Message, StringComparison.Ordinal);
        var cyclic = new SearchSpace { ["x"] = Tune.SampleFrom(c => c["y"]), ["y"] = Tune.SampleFrom(c => c["x"]) };
        Assert.Contains("'x', 'y'", Assert.Throws<InvalidOperationException>(() => cyclic.Resolve(TrialConfig.Empty, new Random(1))).Message, StringComparison.Ordinal);
    }
}
