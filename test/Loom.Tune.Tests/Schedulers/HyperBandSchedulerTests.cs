using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class HyperBandSchedulerTests
{
    [Fact]
    public void Brackets_for_81_and_3_match_the_paper_s_table()
    {
        // Li et al. 2017, Table 1 (R = 81, η = 3): per bracket s the trials n_i and budgets r_i of each rung.
        var plans = new HyperBandScheduler(maxT: 81, reductionFactor: 3).BracketPlans;

        Assert.Equal([0, 1, 2, 3, 4], plans.Select(p => p.S));
        Assert.Equal([5], plans[0].TrialCounts);
        Assert.Equal([81.0], plans[0].Milestones);
        Assert.Equal([8, 2], plans[1].TrialCounts);
        Assert.Equal([27.0, 81], plans[1].Milestones);
        Assert.Equal([15, 5, 1], plans[2].TrialCounts);
        Assert.Equal([9.0, 27, 81], plans[2].Milestones);
        Assert.Equal([34, 11, 3, 1], plans[3].TrialCounts);
        Assert.Equal([3.0, 9, 27, 81], plans[3].Milestones);
        Assert.Equal([81, 27, 9, 3, 1], plans[4].TrialCounts);
        Assert.Equal([1.0, 3, 9, 27, 81], plans[4].Milestones);
        Assert.Equal((81 * 1) + (27 * 2) + (9 * 6) + (3 * 18) + (1 * 54), plans[4].TotalWork);
    }

    [Fact]
    public void When_max_t_is_not_a_power_of_eta_the_rungs_are_floored_and_the_last_is_max_t()
    {
        var plans = new HyperBandScheduler(maxT: 100, reductionFactor: 3).BracketPlans;

        Assert.Equal(5, plans.Count);
        Assert.Equal([1.0, 3, 11, 33, 100], plans[4].Milestones);
        Assert.Equal([33.0, 100], plans[1].Milestones);
        Assert.Equal([81, 27, 9, 3, 1], plans[4].TrialCounts);
    }

    [Fact]
    public void Trials_fill_brackets_from_s_0_up_then_a_new_band()
    {
        var hyperband = new HyperBandScheduler(maxT: 9, reductionFactor: 3);
        hyperband.Setup("score", TuneMode.Max);
        for (var i = 0; i < 20; i++)
        {
            hyperband.OnTrialAdd($"t{i}", Results.Config());
        }

        // maxT 9, η 3: brackets of 3, 5 and 9 trials.
        Assert.Equal([3, 5, 9], hyperband.BracketPlans.Select(p => p.TrialCounts[0]));
        Assert.Equal(
            [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0],
            Enumerable.Range(0, 20).Select(i => hyperband.BracketOf($"t{i}")!.Value));
    }

    [Fact]
    public void Trials_pause_at_the_milestone_until_the_rung_is_full_then_the_top_third_goes_on()
    {
        var hyperband = Bracket1(out var trials);
        var values = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.9, ["c"] = 0.1, ["d"] = 0.3, ["e"] = 0.2 };
        foreach (var trial in trials[..4])
        {
            Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult(trial, Results.Of(trial, 1, 0)));
            Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult(trial, Results.Of(trial, 2, 0)));
            Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult(trial, Results.Of(trial, 3, values[trial])));
        }

        // Paused trials have no budget left until the rung is decided; the trial that has not run yet does.
        Assert.Null(hyperband.ChooseTrialToRun(["a", "b", "c", "d"]));
        Assert.Equal("e", hyperband.ChooseTrialToRun(["a", "b", "c", "d", "e"]));
        Assert.Empty(hyperband.TakeTrialsToStop());

        // e completes the rung: ⌊5 / 3⌋ = 1 trial (b) goes on to 9; e stops, the paused losers are to be stopped.
        Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("e", Results.Of("e", 1, 0)));
        Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("e", Results.Of("e", 2, 0)));
        Assert.Equal(TrialDecision.Stop, hyperband.OnTrialResult("e", Results.Of("e", 3, values["e"])));
        Assert.Equal(["c", "d", "a"], hyperband.TakeTrialsToStop());
        Assert.Empty(hyperband.TakeTrialsToStop());
        Assert.Equal("b", hyperband.ChooseTrialToRun(["a", "b", "c", "d"]));

        for (var i = 4; i < 9; i++)
        {
            Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("b", Results.Of("b", i, 0.9)));
        }

        Assert.Equal(TrialDecision.Stop, hyperband.OnTrialResult("b", Results.Of("b", 9, 0.9)));
        Assert.Empty(hyperband.TakeTrialsToStop());
    }

    [Fact]
    public void The_last_trial_to_the_rung_goes_on_at_once_when_it_is_the_best()
    {
        var hyperband = Bracket1(out var trials);
        foreach (var trial in trials[..4])
        {
            Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult(trial, Results.Of(trial, 3, 0.5)));
        }

        Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("e", Results.Of("e", 3, 0.95)));
        Assert.Equal(["a", "b", "c", "d"], hyperband.TakeTrialsToStop());
        Assert.Null(hyperband.ChooseTrialToRun(["a", "b", "c", "d"]));
    }

    [Fact]
    public void Mode_min_keeps_the_lowest()
    {
        var hyperband = Bracket1(out var trials, TuneMode.Min);
        var losses = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.9, ["c"] = 0.1, ["d"] = 0.3, ["e"] = 0.2 };
        foreach (var trial in trials[..4])
        {
            Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult(trial, Results.Of(trial, 3, losses[trial])));
        }

        Assert.Equal(TrialDecision.Stop, hyperband.OnTrialResult("e", Results.Of("e", 3, losses["e"])));
        Assert.Equal(["b", "a", "d"], hyperband.TakeTrialsToStop());
        Assert.Equal("c", hyperband.ChooseTrialToRun(trials));
    }

    [Fact]
    public void A_trial_that_ends_early_no_longer_holds_up_its_rung()
    {
        var hyperband = Bracket1(out var trials);
        Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult("a", Results.Of("a", 3, 0.5)));
        Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult("b", Results.Of("b", 3, 0.6)));
        Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult("c", Results.Of("c", 3, 0.7)));
        Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("d", Results.Of("d", 1, 0.9)));
        hyperband.OnTrialComplete("d", Results.Of("d", 1, 0.9));
        Assert.Empty(hyperband.TakeTrialsToStop());

        hyperband.OnTrialError("e");
        Assert.Equal(["a", "b"], hyperband.TakeTrialsToStop());
        Assert.Equal("c", hyperband.ChooseTrialToRun(trials));
    }

    [Fact]
    public void Trials_in_bracket_0_run_to_max_t()
    {
        var hyperband = new HyperBandScheduler(maxT: 9, reductionFactor: 3);
        hyperband.Setup("score", TuneMode.Max);
        hyperband.OnTrialAdd("a", Results.Config());
        for (var i = 1; i < 9; i++)
        {
            Assert.Equal(TrialDecision.Continue, hyperband.OnTrialResult("a", Results.Of("a", i, 0.1)));
        }

        Assert.Equal(TrialDecision.Stop, hyperband.OnTrialResult("a", Results.Of("a", 9, 0.1)));
    }

    [Fact]
    public void A_simulated_run_ends_every_trial_and_strands_none()
    {
        var simulation = TunerSimulation.Run(new HyperBandScheduler(maxT: 9, reductionFactor: 3), trials: 20, concurrency: 3, maxIterations: 100);

        Assert.Empty(simulation.Stranded);
        Assert.Equal(20, simulation.Log.Count(line => line.StartsWith("end ", StringComparison.Ordinal) || line.StartsWith("stopped ", StringComparison.Ordinal)));
        Assert.Contains(simulation.Log, line => line.EndsWith(" Pause", StringComparison.Ordinal));
        // Bracket 0 runs its 3 to 9, brackets 1 and 2 one each, and the second band's bracket 0 its 3.
        Assert.Equal(3 + 1 + 1 + 3, simulation.Log.Count(line => line.Contains("@9=", StringComparison.Ordinal)));
    }

    /// <summary>maxT 9, η 3, with bracket 0 filled: the next five trials, a to e, form bracket 1 (rungs 3 and 9, keeping 1).</summary>
    private static HyperBandScheduler Bracket1(out string[] trials, TuneMode mode = TuneMode.Max)
    {
        var hyperband = new HyperBandScheduler(maxT: 9, reductionFactor: 3);
        hyperband.Setup("score", mode);
        foreach (var filler in new[] { "x", "y", "z" })
        {
            hyperband.OnTrialAdd(filler, Results.Config());
        }

        trials = ["a", "b", "c", "d", "e"];
        foreach (var trial in trials)
        {
            hyperband.OnTrialAdd(trial, Results.Config());
            Assert.Equal(1, hyperband.BracketOf(trial));
        }

        return hyperband;
    }
}
