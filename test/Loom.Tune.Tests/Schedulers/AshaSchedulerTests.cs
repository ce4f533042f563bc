using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class AshaSchedulerTests
{
    private static AshaScheduler Asha(TuneMode mode = TuneMode.Max, double maxT = 100, int brackets = 1, int seed = 0, params string[] trials)
    {
        var asha = new AshaScheduler(gracePeriod: 1, reductionFactor: 4, maxT: maxT, brackets: brackets, seed: seed);
        asha.Setup("score", mode);
        foreach (var trial in trials)
        {
            asha.OnTrialAdd(trial, Results.Config());
        }

        return asha;
    }

    [Fact]
    public void Rungs_are_grace_times_powers_of_eta_below_max_t()
    {
        Assert.Equal([1.0, 4, 16, 64], Asha().RungMilestones[0]);

        // A rung at maxT itself never judges anyone: trials stop there.
        Assert.Equal([1.0, 4, 16], Asha(maxT: 64).RungMilestones[0]);
        Assert.Equal([1.0, 3, 9, 27], new AshaScheduler(gracePeriod: 1, reductionFactor: 3, maxT: 81).RungMilestones[0]);
    }

    [Fact]
    public void Each_bracket_starts_one_rung_higher()
    {
        var rungs = Asha(brackets: 3).RungMilestones;

        Assert.Equal([1.0, 4, 16, 64], rungs[0]);
        Assert.Equal([4.0, 16, 64], rungs[1]);
        Assert.Equal([16.0, 64], rungs[2]);
    }

    [Fact]
    public void A_trial_continues_in_the_top_quarter_of_a_rung_and_stops_below_it()
    {
        var asha = Asha(TuneMode.Max, trials: ["a", "b", "c", "d"]);

        // First at the rung: nothing to compare with, it continues however bad.
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", 1, 0.1)));

        // Cutoff = 75th percentile of {0.1} = 0.1.
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("b", Results.Of("b", 1, 0.5)));

        // Cutoff = 75th percentile of {0.1, 0.5} = 0.1 + 0.75 · 0.4 = 0.4; 0.3 is below it.
        Assert.Equal(0.4, asha.Cutoff(0, 0)!.Value, 12);
        Assert.Equal(TrialDecision.Stop, asha.OnTrialResult("c", Results.Of("c", 1, 0.3)));

        // Cutoff of {0.1, 0.3, 0.5} = 0.3 + 0.5 · 0.2 = 0.4; 0.45 is above it.
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("d", Results.Of("d", 1, 0.45)));
        Assert.Equal(0.4625, asha.Cutoff(0, 0)!.Value, 12);
    }

    [Fact]
    public void Between_rungs_every_trial_continues_and_the_next_rung_judges_again()
    {
        var asha = Asha(TuneMode.Max, trials: ["a", "b"]);
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", 1, 0.9)));
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("b", Results.Of("b", 1, 0.95)));
        for (var i = 2; i < 4; i++)
        {
            Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", i, 0.0)));
        }

        // Rung 4: first there continues, b is below a's 0.9 and stops.
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", 4, 0.9)));
        for (var i = 2; i < 4; i++)
        {
            Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("b", Results.Of("b", i, 0.0)));
        }

        Assert.Equal(TrialDecision.Stop, asha.OnTrialResult("b", Results.Of("b", 4, 0.8)));
        Assert.Null(asha.Cutoff(0, 2));
    }

    [Fact]
    public void Mode_min_keeps_the_lowest_values()
    {
        var min = Asha(TuneMode.Min, trials: ["a", "b", "c"]);
        var max = Asha(TuneMode.Max, trials: ["a", "b", "c"]);

        Assert.Equal(TrialDecision.Continue, min.OnTrialResult("a", Results.Of("a", 1, 0.1)));
        Assert.Equal(TrialDecision.Stop, min.OnTrialResult("b", Results.Of("b", 1, 0.5)));
        Assert.Equal(TrialDecision.Continue, max.OnTrialResult("a", Results.Of("a", 1, 0.1)));
        Assert.Equal(TrialDecision.Continue, max.OnTrialResult("b", Results.Of("b", 1, 0.5)));

        // Minimizing {0.1, 0.5}: the cutoff is the 25th percentile, 0.1 + 0.25 · 0.4 = 0.2; 0.15 is better.
        Assert.Equal(0.2, min.Cutoff(0, 0)!.Value, 12);
        Assert.Equal(TrialDecision.Continue, min.OnTrialResult("c", Results.Of("c", 1, 0.15)));
        Assert.Equal(TrialDecision.Stop, max.OnTrialResult("c", Results.Of("c", 1, 0.15)));
    }

    [Fact]
    public void A_trial_in_a_higher_bracket_is_first_judged_at_its_bracket_s_first_rung()
    {
        var asha = Asha(TuneMode.Max, brackets: 2, seed: 7);
        var second = new List<string>();
        for (var i = 0; second.Count < 2; i++)
        {
            asha.OnTrialAdd($"t{i}", Results.Config());
            if (asha.BracketOf($"t{i}") == 1)
            {
                second.Add($"t{i}");
            }
        }

        var (good, bad) = (second[0], second[1]);
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult(good, Results.Of(good, 1, 0.9)));
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult(bad, Results.Of(bad, 1, 0.1)));
        for (var i = 2; i <= 3; i++)
        {
            Assert.Equal(TrialDecision.Continue, asha.OnTrialResult(good, Results.Of(good, i, 0.9)));
            Assert.Equal(TrialDecision.Continue, asha.OnTrialResult(bad, Results.Of(bad, i, 0.1)));
        }

        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult(good, Results.Of(good, 4, 0.9)));
        Assert.Equal(TrialDecision.Stop, asha.OnTrialResult(bad, Results.Of(bad, 4, 0.1)));
    }

    [Fact]
    public void Brackets_are_chosen_by_ray_s_softmax_over_their_rung_counts()
    {
        // Rung counts 4 and 3: bracket 0 with probability 1 / (1 + e^-1) ≈ 0.731.
        var asha = Asha(brackets: 2, seed: 3);
        const int Trials = 4000;
        for (var i = 0; i < Trials; i++)
        {
            asha.OnTrialAdd($"t{i}", Results.Config());
        }

        var share = Enumerable.Range(0, Trials).Count(i => asha.BracketOf($"t{i}") == 0) / (double)Trials;
        Assert.InRange(share, 0.70, 0.76);
    }

    [Fact]
    public void Every_trial_stops_at_max_t()
    {
        var asha = Asha(TuneMode.Max, maxT: 10, trials: ["a"]);
        for (var i = 1; i < 10; i++)
        {
            Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", i, 1.0)));
        }

        Assert.Equal(TrialDecision.Stop, asha.OnTrialResult("a", Results.Of("a", 10, 1.0)));
    }

    [Fact]
    public void Results_without_the_metric_change_nothing_and_ended_trials_are_forgotten()
    {
        var asha = Asha(TuneMode.Max, trials: ["a", "b"]);
        Assert.Equal(TrialDecision.Continue, asha.OnTrialResult("a", Results.Of("a", 1, 0.5, metric: "other")));
        Assert.Null(asha.Cutoff(0, 0));

        asha.OnTrialComplete("a", Results.Of("a", 1, 0.5));
        Assert.Null(asha.BracketOf("a"));
        Assert.Equal(0.5, asha.Cutoff(0, 0));
        asha.OnTrialError("b");
        Assert.Null(asha.BracketOf("b"));
        Assert.Throws<InvalidOperationException>(() => asha.OnTrialResult("b", Results.Of("b", 1, 0.5)));
        Assert.Equal("x", asha.ChooseTrialToRun(["x", "y"]));
        Assert.Null(asha.ChooseTrialToRun([]));
    }

    [Fact]
    public void Arguments_are_checked_and_setup_comes_first()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(reductionFactor: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(gracePeriod: 10, maxT: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(brackets: 0));
        Assert.Throws<InvalidOperationException>(() => new AshaScheduler().OnTrialAdd("a", Results.Config()));
    }
}
