namespace Loom.Tune.Tests.Search;

using Loom.Tune.Search;

public sealed class DomainTests
{
    private static List<object?> Draw(Domain domain, int count = 2000, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => domain.Sample(random, TrialConfig.Empty))];
    }

    [Fact]
    public void Uniform_draws_doubles_in_lo_to_hi_spread_over_the_range()
    {
        var values = Draw(Tune.Uniform(-2, 3)).Cast<double>().ToList();

        Assert.All(values, v => Assert.InRange(v, -2, 3 - 1e-12));
        Assert.True(values.Min() < -1.9 && values.Max() > 2.9);
        Assert.InRange(values.Average(), 0.3, 0.7);
    }

    [Fact]
    public void QUniform_rounds_to_multiples_of_q_with_both_bounds_reachable()
    {
        var values = Draw(Tune.QUniform(0, 1, 0.25)).Cast<double>().ToList();

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], values.Distinct().Order());
        Assert.Equal([0.3, 0.4, 0.5], Draw(Tune.QUniform(0.3, 0.5, 0.1)).Cast<double>().Distinct().Order());
        Assert.All(Draw(Tune.QUniform(-10, 20, 5)), v => Assert.Equal(0, (double)v! % 5));
    }

    [Fact]
    public void LogUniform_spreads_evenly_over_orders_of_magnitude_whatever_the_base()
    {
        var values = Draw(Tune.LogUniform(1e-4, 1e-1)).Cast<double>().ToList();

        Assert.All(values, v => Assert.InRange(v, 1e-4, 1e-1));
        var decades = values.GroupBy(v => (int)Math.Floor(Math.Log10(v))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([-4, -3, -2], decades.Keys.Order());
        Assert.All(decades.Values, n => Assert.InRange(n, 550, 780));
        Assert.Equal(values, Draw(Tune.LogUniform(1e-4, 1e-1, Math.E)).Cast<double>());
    }

    [Fact]
    public void RandInt_draws_longs_with_hi_exclusive()
    {
        var values = Draw(Tune.RandInt(-1, 3));

        Assert.All(values, v => Assert.IsType<long>(v));
        Assert.Equal([-1L, 0L, 1L, 2L], values.Cast<long>().Distinct().Order());
    }

    [Fact]
    public void Choice_draws_each_value_and_normalises_numbers()
    {
        var choice = Tune.Choice(2, 2.5f, "adam", true, null);

        Assert.Equal([2L, 2.5, "adam", true, null], choice.Values);
        var counts = Draw(choice).GroupBy(v => v ?? "null").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 320, 480));
    }

    [Fact]
    public void SampleFrom_sees_the_resolved_values_and_GridSearch_is_not_sampled()
    {
        var resolved = new TrialConfig([new("width", 3L)]);

        Assert.Equal(30L, Tune.SampleFrom(c => c.Get<long>("width") * 10).Sample(new Random(1), resolved));
        Assert.Equal(1.5, Tune.SampleFrom(_ => 1.5f).Sample(new Random(1), resolved));
        Assert.Throws<InvalidOperationException>(() => Tune.SampleFrom(_ => new object()).Sample(new Random(1), resolved));
        Assert.Throws<InvalidOperationException>(() => Tune.GridSearch(1, 2).Sample(new Random(1), resolved));
        Assert.Equal([1L, 2L], Tune.GridSearch(1, 2).Values);
    }

    [Fact]
    public void Invalid_arguments_throw_with_a_clear_message()
    {
        Assert.Contains("lo < hi", Assert.Throws<ArgumentException>(() => Tune.Uniform(1, 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tune.Uniform(2, 1));
        Assert.Throws<ArgumentException>(() => Tune.Uniform(0, double.PositiveInfinity));
        Assert.Contains("q > 0", Assert.Throws<ArgumentException>(() => Tune.QUniform(0, 1, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tune.QUniform(0, 1, -0.5));
        Assert.Contains("not a multiple", Assert.Throws<ArgumentException>(() => Tune.QUniform(0, 1, 0.3)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tune.QUniform(1, 0, 0.5));
        Assert.Contains("0 < lo", Assert.Throws<ArgumentException>(() => Tune.LogUniform(0, 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tune.LogUniform(1, 0.5));
        Assert.Throws<ArgumentException>(() => Tune.LogUniform(1, 10, 1));
        Assert.Contains("hi is exclusive", Assert.Throws<ArgumentException>(() => Tune.RandInt(3, 3)).Message, StringComparison.Ordinal);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => Tune.Choice()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tune.GridSearch());
        Assert.Throws<ArgumentException>(() => Tune.Choice(1, new object()));
        Assert.Throws<ArgumentNullException>(() => Tune.SampleFrom(null!));
    }
}
