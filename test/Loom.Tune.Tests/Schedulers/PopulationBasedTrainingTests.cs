using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class PopulationBasedTrainingTests
{
    private static readonly Dictionary<string, Func<Random, object?>> Mutations = new()
    {
        ["lr"] = random => 0.5 + random.NextDouble(),
        ["batch"] = random => (long)random.Next(100, 200),
    };

    /// <summary>Four trials, interval 2, quartiles of one trial; a to d report iteration 1 in falling order.</summary>
    private static PopulationBasedTraining Population(
        double resampleProbability = 0.25,
        (double, double)? factors = null,
        double quantileFraction = 0.25,
        int seed = 1)
    {
        var pbt = new PopulationBasedTraining(2, Mutations, quantileFraction, resampleProbability, factors, seed);
        pbt.Setup("score", TuneMode.Max);
        var scores = new Dictionary<string, double> { ["a"] = 0.8, ["b"] = 0.4, ["c"] = 0.2, ["d"] = 0.05 };
        foreach (var (trial, score) in scores)
        {
            pbt.OnTrialAdd(trial, Results.Config(lr: 0.1, batch: 32));
        }

        foreach (var (trial, score) in scores)
        {
            Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult(trial, Results.Of(trial, 1, score)));
        }

        return pbt;
    }

    [Fact]
    public void At_the_interval_the_bottom_trial_exploits_the_top_one_and_the_others_continue()
    {
        var pbt = Population();

        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("a", Results.Of("a", 2, 0.9)));
        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("b", Results.Of("b", 2, 0.5)));
        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("c", Results.Of("c", 2, 0.3)));
        var decision = pbt.OnTrialResult("d", Results.Of("d", 2, 0.1));

        Assert.Equal(TrialAction.Continue, decision.Action);
        Assert.Equal("a", decision.Exploit!.SourceTrialId);
        Assert.Same(decision.Exploit.NewConfig, pbt.ConfigOf("d"));
    }

    [Fact]
    public void Between_intervals_even_the_worst_trial_continues()
    {
        var pbt = Population();
        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("a", Results.Of("a", 2, 0.9)));
        Assert.NotNull(pbt.OnTrialResult("d", Results.Of("d", 2, 0.1)).Exploit);

        // d now carries a's perturbation clock (last at 2): 3 is between intervals, 4 is the next.
        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("d", Results.Of("d", 3, 0.0)));
        Assert.Equal(TrialDecision.Continue, pbt.OnTrialResult("a", Results.Of("a", 3, -1.0)));
        Assert.Equal("b", pbt.OnTrialResult("d", Results.Of("d", 4, -2.0)).Exploit?.SourceTrialId);
    }

    [Fact]
    public void Perturbed_values_are_the_source_s_times_a_factor_and_integers_stay_integers()
    {
        var pbt = Population(resampleProbability: 0, factors: (0.5, 2.0));
        var config = pbt.OnTrialResult("d", Results.Of("d", 2, 0.0)).Exploit!.NewConfig;

        Assert.Contains(config["lr"], new object[] { 0.05, 0.2 });
        Assert.Contains(config["batch"], new object[] { 16L, 64L });
    }

    [Fact]
    public void Resampled_values_come_from_the_mutation_functions()
    {
        var pbt = Population(resampleProbability: 1);
        var config = pbt.OnTrialResult("d", Results.Of("d", 2, 0.0)).Exploit!.NewConfig;

        Assert.InRange(config.Get<double>("lr"), 0.5, 1.5);
        Assert.InRange(Assert.IsType<long>(config["batch"]), 100, 199);
    }

    [Fact]
    public void Integers_are_rounded_after_perturbing_or_resampling()
    {
        var config = new TrialConfig([new("n", 3L), new("m", 3), new("x", 3.0), new("name", "adam")]);
        var mutations = new Dictionary<string, Func<Random, object?>>
        {
            ["n"] = _ => 7.6,
            ["m"] = _ => 7.4,
            ["x"] = _ => 7.6,
            ["name"] = _ => "sgd",
        };

        var up = PbtExplorer.Explore(config, mutations, 0, (1.2, 1.2), new SeededRandom(1));
        Assert.Equal(4L, up["n"]);
        Assert.Equal(4, up["m"]);
        Assert.Equal(3.6, (double)up["x"]!, 12);
        Assert.Equal("sgd", up["name"]);

        var down = PbtExplorer.Explore(config, mutations, 0, (0.8, 0.8), new SeededRandom(1));
        Assert.Equal(2L, down["n"]);
        Assert.Equal(2.4, (double)down["x"]!, 12);

        var resampled = PbtExplorer.Explore(config, mutations, 1, (0.8, 1.2), new SeededRandom(1));
        Assert.Equal(8L, resampled["n"]);
        Assert.Equal(7, resampled["m"]);
        Assert.Equal(7.6, resampled["x"]);
    }

    [Fact]
    public void Exploration_resamples_with_its_probability_and_picks_either_factor()
    {
        var config = new TrialConfig([new("lr", 1.0)]);
        var mutations = new Dictionary<string, Func<Random, object?>> { ["lr"] = _ => -1.0 };
        var random = new SeededRandom(42);
        var outcomes = Enumerable.Range(0, 4000)
            .Select(_ => (double)PbtExplorer.Explore(config, mutations, 0.25, (0.8, 1.2), random)["lr"]!)
            .ToList();

        Assert.All(outcomes, v => Assert.Contains(v, new[] { -1.0, 0.8, 1.2 }));
        Assert.InRange(outcomes.Count(v => v == -1.0) / 4000.0, 0.22, 0.28);
        Assert.InRange(outcomes.Count(v => v == 0.8) / 4000.0, 0.34, 0.41);
    }

    [Fact]
    public void The_same_seed_explores_the_same_way()
    {
        static string Explore(int seed)
        {
            var pbt = Population(seed: seed);
            return pbt.OnTrialResult("d", Results.Of("d", 2, 0.0)).Exploit!.NewConfig.ToString();
        }

        Assert.Equal(Explore(5), Explore(5));
        Assert.Equal(
            TunerSimulation.Run(new PopulationBasedTraining(3, Mutations, seed: 9), 8, 4, 30).Log,
            TunerSimulation.Run(new PopulationBasedTraining(3, Mutations, seed: 9), 8, 4, 30).Log);
    }

    [Fact]
    public void Ended_trials_are_not_copied_and_a_zero_quantile_exploits_nothing()
    {
        var pbt = Population();
        pbt.OnTrialComplete("a", Results.Of("a", 1, 0.8));

        // Three running trials: quartiles of ⌈0.75⌉ = 1, the top now b.
        Assert.Equal("b", pbt.OnTrialResult("d", Results.Of("d", 2, 0.0)).Exploit!.SourceTrialId);

        var none = Population(quantileFraction: 0);
        Assert.Null(none.OnTrialResult("d", Results.Of("d", 2, 0.0)).Exploit);
    }

    [Fact]
    public void The_waiting_trial_that_has_run_least_runs_next()
    {
        var pbt = Population();
        pbt.OnTrialResult("a", Results.Of("a", 2, 0.9));
        pbt.OnTrialAdd("e", Results.Config());

        Assert.Equal("b", pbt.ChooseTrialToRun(["a", "b", "c"]));
        Assert.Equal("e", pbt.ChooseTrialToRun(["a", "b", "e"]));
        Assert.Null(pbt.ChooseTrialToRun([]));
    }

    [Fact]
    public void Mode_min_exploits_from_the_lowest_loss()
    {
        var pbt = new PopulationBasedTraining(1, Mutations);
        pbt.Setup("loss", TuneMode.Min);
        foreach (var (trial, loss) in new[] { ("a", 0.9), ("b", 0.1), ("c", 0.5), ("d", 0.7) })
        {
            pbt.OnTrialAdd(trial, Results.Config());
            Assert.Null(pbt.OnTrialResult(trial, Results.Of(trial, 1, loss, metric: "loss")).Exploit);
        }

        var decision = pbt.OnTrialResult("a", Results.Of("a", 2, 0.95, metric: "loss"));
        Assert.Equal("b", decision.Exploit!.SourceTrialId);
    }
}
