using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class SchedulerStateTests
{
    private static readonly Dictionary<string, Func<ITrialScheduler>> Schedulers = new()
    {
        ["fifo"] = () => new FifoScheduler(),
        ["asha"] = () => new AshaScheduler(gracePeriod: 1, reductionFactor: 3, maxT: 27, brackets: 2, seed: 4),
        ["hyperband"] = () => new HyperBandScheduler(maxT: 9, reductionFactor: 3),
        ["median"] = () => new MedianStoppingRule(gracePeriod: 2, minSamplesRequired: 2),
        ["pbt"] = () => new PopulationBasedTraining(
            3,
            new Dictionary<string, Func<Random, object?>>
            {
                ["lr"] = random => 0.001 + (random.NextDouble() * 0.2),
                ["batch"] = random => (long)random.Next(8, 64),
            },
            resampleProbability: 0.3,
            seed: 11),
    };

    public static TheoryData<string, double> SwapPoints()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in Schedulers.Keys)
        {
            foreach (var fraction in new[] { 0.0, 0.1, 0.35, 0.6, 0.9 })
            {
                data.Add(name, fraction);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SwapPoints))]
    public void A_restored_scheduler_decides_as_the_original_would_have(string name, double fraction)
    {
        var factory = Schedulers[name];
        var original = TunerSimulation.Run(factory(), trials: 12, concurrency: 4, maxIterations: 27);
        var steps = original.Log.Count(line => line.Contains('@', StringComparison.Ordinal));
        var step = 1 + (int)(fraction * (steps - 1));
        var resumed = TunerSimulation.Run(factory(), trials: 12, concurrency: 4, maxIterations: 27, swapAfterStep: step, fresh: factory);

        Assert.Contains("restored", resumed.Log);
        Assert.Equal(original.Log, resumed.Log.Where(line => line != "restored"));
        Assert.Empty(resumed.Stranded);
    }

    [Theory]
    [InlineData("asha", " Stop")]
    [InlineData("hyperband", " Pause")]
    [InlineData("median", " Stop")]
    [InlineData("pbt", " exploit ")]
    public void The_simulated_runs_exercise_each_scheduler_s_decisions(string name, string decision)
    {
        var log = TunerSimulation.Run(Schedulers[name](), trials: 12, concurrency: 4, maxIterations: 27).Log;

        Assert.Contains(log, line => line.Contains(decision, StringComparison.Ordinal));
    }

    [Fact]
    public void Saved_states_restore_to_the_same_state()
    {
        foreach (var factory in Schedulers.Values)
        {
            var scheduler = factory();
            TunerSimulation.Run(scheduler, trials: 6, concurrency: 2, maxIterations: 10);
            var saved = scheduler.SaveState();
            var restored = factory();
            restored.RestoreState(saved);

            Assert.Equal(saved, restored.SaveState());
        }
    }

    [Fact]
    public void Asha_brackets_chosen_after_a_restore_are_the_original_s()
    {
        var original = new AshaScheduler(brackets: 3, seed: 2);
        original.Setup("score", TuneMode.Max);
        original.OnTrialAdd("first", Results.Config());
        var restored = new AshaScheduler(brackets: 3, seed: 99);
        restored.RestoreState(original.SaveState());

        for (var i = 0; i < 50; i++)
        {
            original.OnTrialAdd($"t{i}", Results.Config());
            restored.OnTrialAdd($"t{i}", Results.Config());
            Assert.Equal(original.BracketOf($"t{i}"), restored.BracketOf($"t{i}"));
        }
    }

    [Fact]
    public void Hyperband_trials_to_stop_survive_a_restore()
    {
        var hyperband = new HyperBandScheduler(maxT: 3, reductionFactor: 3);
        hyperband.Setup("score", TuneMode.Max);
        foreach (var trial in new[] { "x", "y", "a", "b", "c" })
        {
            hyperband.OnTrialAdd(trial, Results.Config());
        }

        // maxT 3: bracket 0 holds x and y; bracket 1 holds a, b, c (rungs 1 and 3, keeping 1).
        Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult("a", Results.Of("a", 1, 0.1)));
        Assert.Equal(TrialDecision.Pause, hyperband.OnTrialResult("b", Results.Of("b", 1, 0.9)));
        Assert.Equal(TrialDecision.Stop, hyperband.OnTrialResult("c", Results.Of("c", 1, 0.2)));
        var restored = new HyperBandScheduler(maxT: 3, reductionFactor: 3);
        restored.RestoreState(hyperband.SaveState());

        Assert.Equal(["a"], restored.TakeTrialsToStop());
        Assert.Equal("b", restored.ChooseTrialToRun(["a", "b"]));
        Assert.Equal(TrialDecision.Continue, restored.OnTrialResult("b", Results.Of("b", 2, 0.9)));
    }

    [Fact]
    public void Pbt_configs_keep_their_value_types_through_a_restore()
    {
        var pbt = (PopulationBasedTraining)Schedulers["pbt"]();
        pbt.Setup("score", TuneMode.Max);
        var config = new TrialConfig([new("lr", 3.0), new("batch", 3L), new("layers", 2), new("name", "adam"), new("bias", true), new("none", null)]);
        pbt.OnTrialAdd("a", config);
        var restored = (PopulationBasedTraining)Schedulers["pbt"]();
        restored.RestoreState(pbt.SaveState());

        Assert.Equal(config.Values, restored.ConfigOf("a")!.Values);
        Assert.IsType<double>(restored.ConfigOf("a")!["lr"]);
        Assert.IsType<long>(restored.ConfigOf("a")!["batch"]);
    }

    [Fact]
    public void A_state_restores_only_into_the_same_kind_of_scheduler_built_the_same_way()
    {
        var asha = new AshaScheduler();
        asha.Setup("score", TuneMode.Max);
        var saved = asha.SaveState();

        Assert.Throws<ArgumentException>(() => new MedianStoppingRule().RestoreState(saved));
        Assert.Throws<ArgumentException>(() => new AshaScheduler().RestoreState("not json"));
        Assert.Throws<InvalidOperationException>(() => new AshaScheduler(maxT: 50).RestoreState(saved));

        // The seed only starts the random sequence; a restored state carries on from the saved one.
        new AshaScheduler(seed: 5).RestoreState(saved);
    }
}
