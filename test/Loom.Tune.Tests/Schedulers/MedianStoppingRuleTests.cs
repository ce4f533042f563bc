using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class MedianStoppingRuleTests
{
    /// <summary>Grace period 2, three samples required; a, b and c have reported 3 iterations.</summary>
    private static MedianStoppingRule WithThreeTrials(TuneMode mode = TuneMode.Max, Func<double, double>? map = null)
    {
        map ??= v => v;
        var rule = new MedianStoppingRule(gracePeriod: 2, minSamplesRequired: 3);
        rule.Setup("score", mode);
        var curves = new Dictionary<string, double[]>
        {
            ["a"] = [0.1, 0.5, 0.6],
            ["b"] = [0.2, 0.6, 0.7],
            ["c"] = [0.3, 0.7, 0.8],
        };
        foreach (var (trial, curve) in curves)
        {
            rule.OnTrialAdd(trial, Results.Config());
            for (var i = 0; i < curve.Length; i++)
            {
                Assert.Equal(TrialDecision.Continue, rule.OnTrialResult(trial, Results.Of(trial, i + 1, map(curve[i]))));
            }
        }

        return rule;
    }

    [Fact]
    public void A_trial_whose_best_is_below_the_median_of_running_averages_stops()
    {
        var rule = WithThreeTrials();
        rule.OnTrialAdd("d", Results.Config());

        // Iteration 1 is inside the grace period: no judgement however bad.
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 1, 0.0)));

        // At 2 the running averages (from the grace period) are 0.5, 0.6, 0.7: median 0.6 > best 0.4.
        Assert.Equal(TrialDecision.Stop, rule.OnTrialResult("d", Results.Of("d", 2, 0.4)));
    }

    [Fact]
    public void A_trial_at_or_above_the_median_is_kept()
    {
        var rule = WithThreeTrials();
        rule.OnTrialAdd("d", Results.Config());
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 1, 0.0)));
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 2, 0.6)));

        // At 3 the averages over iterations 2..3 are 0.55, 0.65, 0.75: median 0.65 ≤ best 0.66.
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 3, 0.66)));
    }

    [Fact]
    public void The_best_result_counts_results_from_the_grace_period_too()
    {
        var rule = WithThreeTrials();
        rule.OnTrialAdd("d", Results.Config());
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 1, 0.9)));
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 2, 0.1)));
    }

    [Fact]
    public void Fewer_than_the_minimum_samples_never_stop_a_trial()
    {
        var rule = WithThreeTrials();
        rule.OnTrialAdd("d", Results.Config());

        // Only a, b and c reached 3, so at 4 there are no samples at all.
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 4, 0.0)));

        var strict = new MedianStoppingRule(gracePeriod: 2, minSamplesRequired: 4);
        strict.Setup("score", TuneMode.Max);
        foreach (var (trial, value) in new[] { ("a", 0.5), ("b", 0.6), ("c", 0.7) })
        {
            strict.OnTrialAdd(trial, Results.Config());
            strict.OnTrialResult(trial, Results.Of(trial, 2, value));
        }

        strict.OnTrialAdd("d", Results.Config());
        Assert.Equal(TrialDecision.Continue, strict.OnTrialResult("d", Results.Of("d", 2, 0.0)));
    }

    [Fact]
    public void Ended_trials_still_count_and_their_final_result_is_not_counted_twice()
    {
        var rule = WithThreeTrials();
        rule.OnTrialError("a");
        rule.OnTrialComplete("b", Results.Of("b", 3, 0.7));
        rule.OnTrialComplete("c", Results.Of("c", 3, 0.8));
        rule.OnTrialAdd("d", Results.Config());
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 2, 0.6)));

        // Averages over 2..3 are 0.55, 0.65, 0.75: 0.66 is above the median. Had b's last 0.7 counted twice, the
        // median would be 0.667 and d would stop.
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("d", Results.Of("d", 3, 0.66)));

        // Now d counts too: 0.55, 0.63, 0.65, 0.75, median 0.64.
        rule.OnTrialAdd("e", Results.Config());
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("e", Results.Of("e", 2, 0.6)));
        Assert.Equal(TrialDecision.Stop, rule.OnTrialResult("e", Results.Of("e", 3, 0.63)));
    }

    [Fact]
    public void Mode_min_stops_a_trial_whose_lowest_loss_is_above_the_median()
    {
        var rule = WithThreeTrials(TuneMode.Min, v => 1 - v);
        rule.OnTrialAdd("d", Results.Config());
        rule.OnTrialAdd("e", Results.Config());

        // Losses at 2: 0.5, 0.4, 0.3, median 0.4.
        Assert.Equal(TrialDecision.Stop, rule.OnTrialResult("d", Results.Of("d", 2, 0.45)));
        Assert.Equal(TrialDecision.Continue, rule.OnTrialResult("e", Results.Of("e", 2, 0.35)));
    }
}
