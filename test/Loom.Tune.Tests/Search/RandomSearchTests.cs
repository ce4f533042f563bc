namespace Loom.Tune.Tests.Search;

using Loom.Tune.Search;

public sealed class RandomSearchTests
{
    private static SearchSpace GridSpace() => new()
    {
        ["act"] = Tune.GridSearch("relu", "tanh"),
        ["layers"] = Tune.GridSearch(1, 2, 3),
        ["lr"] = Tune.LogUniform(1e-4, 1e-1),
        ["opt"] = new SearchSpace { ["momentum"] = Tune.Uniform(0.8, 0.99) },
    };

    private static RandomSearch SetUp(SearchSpace space, int numSamples, int seed, IEnumerable<TrialConfig>? points = null)
    {
        var search = new RandomSearch(points);
        search.Setup(space, "loss", TuneMode.Min, numSamples, seed);
        return search;
    }

    [Fact]
    public void Each_sample_covers_the_whole_grid_in_Ray_order()
    {
        var search = SetUp(GridSpace(), numSamples: 2, seed: 3);

        var configs = SearchDriver.Suggestions(search, 100);

        Assert.Equal(12, configs.Count);
        Assert.Equal(12, search.TotalTrials);
        Assert.True(search.IsFinished);
        Assert.Null(search.Suggest("extra"));
        string[] grid = ["relu/1", "tanh/1", "relu/2", "tanh/2", "relu/3", "tanh/3"];
        Assert.Equal([.. grid, .. grid], configs.Select(c => $"{c["act"]}/{c["layers"]}"));
        Assert.Equal(12, configs.Select(c => c.Get<double>("lr")).Distinct().Count());
        Assert.All(configs, c => Assert.InRange(c.Get<double>("opt/momentum"), 0.8, 0.99));
    }

    [Fact]
    public void Without_grids_numSamples_configs_are_drawn()
    {
        var search = SetUp(new SearchSpace { ["x"] = Tune.Uniform(0, 1), ["c"] = "fixed" }, numSamples: 5, seed: 1);

        var configs = SearchDriver.Suggestions(search, 100);

        Assert.Equal(5, configs.Count);
        Assert.All(configs, c => Assert.Equal("fixed", c["c"]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_configs_and_another_seed_others()
    {
        var first = SearchDriver.Suggestions(SetUp(GridSpace(), 2, seed: 42), 100);
        var again = SearchDriver.Suggestions(SetUp(GridSpace(), 2, seed: 42), 100);
        var other = SearchDriver.Suggestions(SetUp(GridSpace(), 2, seed: 43), 100);

        SearchDriver.AssertSame(first, again);
        Assert.NotEqual(first.Select(c => c["lr"]), other.Select(c => c["lr"]));
    }

    [Fact]
    public void Points_to_evaluate_come_first_each_replacing_one_sample_as_Ray()
    {
        // Ray's BasicVariantGenerator example: a grid over a, points {a=2, b=2}, {a=1}, {b=2}, numSamples 4: six trials.
        var space = new SearchSpace { ["a"] = Tune.GridSearch(1, 2), ["b"] = Tune.RandInt(0, 3) };
        TrialConfig[] points = [new([new("a", 2), new("b", 2)]), new([new("a", 1)]), new([new("b", 2)])];

        var configs = SearchDriver.Suggestions(SetUp(space, numSamples: 4, seed: 5, points), 100);

        Assert.Equal(6, configs.Count);
        Assert.Equal([2L, 1L, 1L, 2L, 1L, 2L], configs.Select(c => c["a"]));
        Assert.Equal(2L, configs[0]["b"]);
        Assert.Equal(2L, configs[2]["b"]);
        Assert.Equal(2L, configs[3]["b"]);
        Assert.All(configs, c => Assert.IsType<long>(c["b"]));
    }

    [Fact]
    public void Points_must_name_parameters_of_the_space()
    {
        var search = new RandomSearch([new TrialConfig([new("typo", 1)])]);

        Assert.Contains("'typo'", Assert.Throws<ArgumentException>(() => search.Setup(GridSpace(), "loss", TuneMode.Min, 1, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_search_continues_exactly_where_it_was()
    {
        var space = GridSpace();
        TrialConfig[] points = [new([new("lr", 0.01)])];
        var uninterrupted = SearchDriver.Suggestions(SetUp(space, 3, seed: 9, points), 100);
        var interrupted = SetUp(space, 3, seed: 9, points);
        var before = SearchDriver.Suggestions(interrupted, 8);

        var restored = new RandomSearch();
        restored.Setup(space, "loss", TuneMode.Min, numSamples: 1, seed: 0);
        restored.RestoreState(interrupted.SaveState());
        var after = SearchDriver.Suggestions(restored, 100, firstId: 8);

        Assert.Equal(6 + 12, uninterrupted.Count);
        SearchDriver.AssertSame(uninterrupted, [.. before, .. after]);
        Assert.True(restored.IsFinished);
    }

    [Fact]
    public void Restoring_into_another_space_or_from_another_searcher_fails()
    {
        var saved = SetUp(GridSpace(), 1, 0).SaveState();
        var other = new RandomSearch();
        other.Setup(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, "loss", TuneMode.Min, 1, 0);

        Assert.Throws<ArgumentException>(() => other.RestoreState(saved));
        Assert.Throws<ArgumentException>(() => other.RestoreState("{\"kind\":\"tpe\"}"));
        Assert.Throws<ArgumentException>(() => other.RestoreState("not json"));
        Assert.Throws<InvalidOperationException>(() => new RandomSearch().Suggest("t"));
    }
}
