using Loom.Examples.TuneBreastCancer;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;
using Loom.Tune.Tests.Tuning;

namespace Loom.Tune.Tests.Samples;

public sealed class BreastCancerSampleTests
{
    private static TrialConfig Sane(int seed = 0) => new(new Dictionary<string, object?>
    {
        ["lr"] = 0.05,
        ["hidden"] = 8,
        ["l2"] = 1e-4,
        ["batch_size"] = 16,
        ["seed"] = seed,
    });

    [Fact]
    public void The_data_has_569_rows_of_30_features_and_two_classes()
    {
        var data = BreastCancerData.Load();

        Assert.Equal(569, data.Count);
        Assert.Equal(30, data.FeatureCount);
        Assert.All(data.Features, row => Assert.Equal(30, row.Length));
        Assert.Equal(["malignant", "benign"], data.ClassNames);
        Assert.Equal(212, data.Labels.Count(l => l == 0));
        Assert.Equal(357, data.Labels.Count(l => l == 1));
    }

    [Fact]
    public void The_split_is_fixed_by_its_seed_and_standardises_the_training_part()
    {
        var data = BreastCancerData.Load();
        var a = data.Split(7);
        var b = data.Split(7);

        Assert.Equal(142, a.ValidationLabels.Count);
        Assert.Equal(427, a.TrainLabels.Count);
        Assert.Equal(a.ValidationFeatures[0], b.ValidationFeatures[0]);
        Assert.InRange(a.TrainFeatures.Average(r => r[0]), -1e-9, 1e-9);
    }

    [Fact]
    public void One_model_reaches_over_90_percent_validation_accuracy_within_30_epochs()
    {
        var split = BreastCancerData.Load().Split(MlpTrainable.SplitSeed);
        var model = new Mlp(30, 8, seed: 0);
        var best = 0.0;
        for (var epoch = 0; epoch < 30 && best <= 0.9; epoch++)
        {
            model.TrainEpoch(split.TrainFeatures, split.TrainLabels, learningRate: 0.05, l2: 1e-4, batchSize: 16);
            best = Math.Max(best, model.Evaluate(split.ValidationFeatures, split.ValidationLabels).Accuracy);
        }

        Assert.True(best > 0.9, $"validation accuracy {best}");
    }

    [Fact]
    public void A_model_saved_and_loaded_mid_training_ends_as_an_uninterrupted_one()
    {
        var split = BreastCancerData.Load().Split(MlpTrainable.SplitSeed);
        var whole = new Mlp(30, 8, seed: 3);
        var interrupted = new Mlp(30, 8, seed: 3);
        var file = Path.GetTempFileName();
        try
        {
            for (var epoch = 0; epoch < 8; epoch++)
            {
                whole.TrainEpoch(split.TrainFeatures, split.TrainLabels, 0.05, 1e-4, 16);
                if (epoch == 3)
                {
                    for (var e = 0; e < 4; e++)
                    {
                        interrupted.TrainEpoch(split.TrainFeatures, split.TrainLabels, 0.05, 1e-4, 16);
                    }

                    interrupted.Save(file);
                }
            }

            var resumed = Mlp.Load(file);
            Assert.Equal(4, resumed.Epoch);
            for (var e = 0; e < 4; e++)
            {
                resumed.TrainEpoch(split.TrainFeatures, split.TrainLabels, 0.05, 1e-4, 16);
            }

            Assert.Equal(whole.Evaluate(split.ValidationFeatures, split.ValidationLabels), resumed.Evaluate(split.ValidationFeatures, split.ValidationLabels));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_interrupted_trial_restored_from_its_checkpoint_ends_as_an_uninterrupted_one()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 2);
        var space = new SearchSpace();
        foreach (var (name, value) in Sane(seed: 3).Values)
        {
            space[name] = value;
        }

        var tune = new TuneConfig { Metric = "loss" };
        var stop = new StopCriteria { MaxIterations = 8 };
        var whole = await new Tuner(f.Loom, MlpTrainable.Create(), space, tune, f.Run("whole", stop)).FitAsync();

        using var interrupt = new CancellationTokenSource();
        var first = new Tuner(f.Loom, MlpTrainable.Create(), space, tune, f.Run("interrupted", stop))
            .OnProgress(grid =>
            {
                if (grid.Trials.Count > 0 && grid.Trials[0].LastResult?.Iteration >= 3)
                {
                    interrupt.Cancel();
                }
            });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.FitAsync(interrupt.Token));
        var experiment = Path.Combine(f.Storage, "interrupted");
        Assert.True(Tuner.CanRestore(experiment));
        var resumed = await Tuner.Restore(experiment, f.Loom, MlpTrainable.Create(), space, tune, new RunConfig { Stop = stop }).FitAsync();

        var expected = Assert.Single(whole.Trials).LastResult!;
        var trial = Assert.Single(resumed.Trials);
        Assert.Equal(TrialStatus.Terminated, trial.Status);
        Assert.Equal(8, trial.LastResult!.Iteration);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], trial.Results.Select(r => r.Iteration));
        Assert.Equal(expected.Metric("loss"), trial.LastResult.Metric("loss"));
        Assert.Equal(expected.Metric("accuracy"), trial.LastResult.Metric("accuracy"));
    }

    [Fact]
    public async Task A_short_seeded_asha_search_finds_a_model_over_90_percent_accurate()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 2);
        var tuner = new Tuner(f.Loom, MlpTrainable.Create(), MlpTrainable.Space(),
            new TuneConfig
            {
                Metric = "loss",
                NumSamples = 4,
                Seed = 5,
                MaxConcurrentTrials = 2,
                Scheduler = new AshaScheduler(gracePeriod: 1, reductionFactor: 2, maxT: 10),
            },
            f.Run("asha", new StopCriteria { MaxIterations = 10 }));

        var grid = await tuner.FitAsync();

        Assert.Equal(4, grid.Trials.Count);
        Assert.Empty(grid.Errors);
        Assert.True(grid.TotalIterations <= 40);
        var (_, best) = grid.GetBestResult("accuracy", TuneMode.Max);
        Assert.True(best.Metric("accuracy") > 0.9, $"best accuracy {best.Metric("accuracy")}");
    }
}
