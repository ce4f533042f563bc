namespace Loom.Tune.Tests.Search;

using Loom.Tune.Search;

public sealed class ConcurrencyLimiterTests
{
    private static ConcurrencyLimiter SetUp(int numSamples, int maxConcurrent)
    {
        var limiter = new ConcurrencyLimiter(new RandomSearch(), maxConcurrent);
        limiter.Setup(new SearchSpace { ["x"] = Tune.Uniform(0, 1) }, "loss", TuneMode.Min, numSamples, seed: 1);
        return limiter;
    }

    [Fact]
    public void Suggest_waits_while_the_limit_is_reached()
    {
        var limiter = SetUp(numSamples: 4, maxConcurrent: 2);

        Assert.NotNull(limiter.Suggest("a"));
        Assert.NotNull(limiter.Suggest("b"));
        Assert.Null(limiter.Suggest("c"));
        Assert.False(limiter.IsFinished);
        limiter.OnTrialComplete("a", SearchDriver.Result("a", 1), failed: false);
        Assert.NotNull(limiter.Suggest("c"));
        Assert.Null(limiter.Suggest("d"));
        limiter.OnTrialComplete("b", null, failed: true);
        Assert.NotNull(limiter.Suggest("d"));
        Assert.True(limiter.IsFinished);
        Assert.Equal(["c", "d"], limiter.LiveTrials);
    }

    [Fact]
    public void Unknown_trials_do_not_free_a_slot()
    {
        var limiter = SetUp(numSamples: 4, maxConcurrent: 1);

        Assert.NotNull(limiter.Suggest("a"));
        limiter.OnTrialComplete("stranger", null, failed: false);
        Assert.Null(limiter.Suggest("b"));
    }

    [Fact]
    public void The_state_keeps_the_live_trials_and_the_wrapped_searcher()
    {
        var limiter = SetUp(numSamples: 5, maxConcurrent: 2);
        var uninterrupted = SetUp(numSamples: 5, maxConcurrent: 2);
        foreach (var id in new[] { "a", "b" })
        {
            limiter.Suggest(id);
            uninterrupted.Suggest(id);
        }

        var restored = SetUp(numSamples: 5, maxConcurrent: 2);
        restored.RestoreState(limiter.SaveState());

        Assert.Null(restored.Suggest("c"));
        restored.OnTrialComplete("a", null, failed: false);
        uninterrupted.OnTrialComplete("a", null, failed: false);
        Assert.Equal(uninterrupted.Suggest("c")!.Values.ToList(), restored.Suggest("c")!.Values.ToList());
    }

    [Fact]
    public void The_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrencyLimiter(new RandomSearch(), 0));
        Assert.Throws<ArgumentNullException>(() => new ConcurrencyLimiter(null!, 1));
    }
}
