using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class SchedulerMathTests
{
    [Fact]
    public void Percentiles_interpolate_linearly_as_numpy()
    {
        // Ray's _Bracket examples (η = 2, the 50th percentile).
        Assert.Equal(3.0, Percentiles.Of([2, 4], 50));
        Assert.Equal(9.5, Percentiles.Of(Enumerable.Range(0, 20).Select(i => (double)i), 50));
        Assert.Equal(7.0, Percentiles.Of([1, 10, 7, double.NaN], 50));
        Assert.Null(Percentiles.Of([double.NaN], 50));
        Assert.Equal(2.5, Percentiles.Median([4, 1, 3, 2]));
        Assert.Equal(3.0, Percentiles.Median([5, 3, 1]));
    }

    [Fact]
    public void A_seeded_random_repeats_from_a_saved_state_and_keeps_to_its_ranges()
    {
        var random = new SeededRandom(17);
        random.NextDouble();
        var copy = new SeededRandom(0) { State = random.State };

        Assert.Equal(
            Enumerable.Range(0, 100).Select(_ => random.Next(10)),
            Enumerable.Range(0, 100).Select(_ => copy.Next(10)));
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
            Assert.InRange(random.Next(-3, 4), -3, 3);
            Assert.InRange(random.NextInt64(long.MinValue, long.MaxValue), long.MinValue, long.MaxValue - 1);
            Assert.InRange(random.NextSingle(), 0f, 0.99999994f);
        }

        Assert.Equal(0, random.Next(0));
        Assert.Equal(5, random.Next(5, 5));
        Assert.Equal(10, Enumerable.Range(0, 1000).Select(_ => random.Next(10)).Distinct().Count());
        Assert.NotEqual(new SeededRandom(1).NextInt64(), new SeededRandom(2).NextInt64());
        Assert.Throws<ArgumentException>(() => new SeededRandom(1) { State = [0, 0, 0, 0] });
    }
}
