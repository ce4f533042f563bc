using Loom.Examples.TuneBreastCancer;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;
using Loom.Tune.Tests.Tuning;

namespace Loom.Tune.Tests.Samples;

public sealed class MlNetSampleTests
{
    private static readonly LinearModelOptions Perceptron = new(
        LinearModelOptions.AveragedPerceptron, LinearModelOptions.MeanVariance, L2: 1e-4, LearningRate: 0.1, Loss: LinearModelOptions.Log, Seed: 1);

    private static readonly LinearModelOptions Svm = new(LinearModelOptions.LinearSvm, LinearModelOptions.MinMax, L2: 1e-4, Seed: 3);

    private static List<LinearEvaluation> Train(LinearModel model, int epochs)
    {
        var evaluations = new List<LinearEvaluation>();
        for (var e = 0; e < epochs; e++)
        {
            model.TrainEpoch();
            evaluations.Add(model.Evaluate());
        }

        return evaluations;
    }

    [Theory]
    [InlineData(LinearModelOptions.AveragedPerceptron)]
    [InlineData(LinearModelOptions.LinearSvm)]
    public void The_model_learns_over_epochs(string trainer)
    {
        var options = trainer == LinearModelOptions.AveragedPerceptron ? Perceptron : Svm;
        var model = LinearModel.Create(MlNetTrainable.LoadData(), options);

        var evaluations = Train(model, 10);

        Assert.Equal(10, model.Epoch);
        Assert.True(evaluations[^1].LogLoss < evaluations[0].LogLoss, $"log loss after 1 epoch {evaluations[0].LogLoss}, after 10 {evaluations[^1].LogLoss}");
        Assert.True(evaluations.Max(e => e.Accuracy) > 0.9, $"best accuracy {evaluations.Max(e => e.Accuracy)}");
        Assert.True(evaluations[^1].Auc > 0.95, $"AUC {evaluations[^1].Auc}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_metrics_and_another_seed_other_ones()
    {
        var data = MlNetTrainable.LoadData();

        var a = Train(LinearModel.Create(data, Perceptron), 5);
        var b = Train(LinearModel.Create(data, Perceptron), 5);
        var other = Train(LinearModel.Create(data, Perceptron with { Seed = 2 }), 5);

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
    }

    [Theory]
    [InlineData(LinearModelOptions.AveragedPerceptron)]
    [InlineData(LinearModelOptions.LinearSvm)]
    public void A_model_saved_and_loaded_mid_training_continues_as_an_uninterrupted_one(string trainer)
    {
        var options = trainer == LinearModelOptions.AveragedPerceptron ? Perceptron : Svm;
        var data = MlNetTrainable.LoadData();
        var whole = Train(LinearModel.Create(data, options), 8);
        var interrupted = LinearModel.Create(data, options);
        var before = Train(interrupted, 4);
        var folder = Directory.CreateTempSubdirectory("loom-mlnet-checkpoint-").FullName;
        try
        {
            interrupted.Save(folder);

            var resumed = LinearModel.Load(folder, data, options);

            Assert.Equal(4, resumed.Epoch);
            Assert.Equal(before[^1], resumed.Evaluate());
            Assert.Equal(interrupted.Parameters!.Weights, resumed.Parameters!.Weights);
            Assert.Equal(interrupted.Parameters.Bias, resumed.Parameters.Bias);
            Assert.Equal(whole[4..], Train(resumed, 4));
            Assert.Equal(8, resumed.Epoch);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_interrupted_trial_restored_from_its_checkpoint_ends_as_an_uninterrupted_one()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 2);
        var space = new SearchSpace
        {
            ["trainer"] = LinearModelOptions.AveragedPerceptron,
            ["normalizer"] = LinearModelOptions.MeanVariance,
            ["l2"] = 1e-4,
            ["learning_rate"] = 0.1,
            ["decrease_learning_rate"] = false,
            ["loss_function"] = LinearModelOptions.Log,
            ["seed"] = 3,
        };
        var tune = new TuneConfig { Metric = "loss" };
        var stop = new StopCriteria { MaxIterations = 8 };
        var whole = await new Tuner(f.Loom, MlNetTrainable.Create(), space, tune, f.Run("whole", stop)).FitAsync();

        using var interrupt = new CancellationTokenSource();
        var first = new Tuner(f.Loom, MlNetTrainable.Create(), space, tune, f.Run("interrupted", stop))
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
        var resumed = await Tuner.Restore(experiment, f.Loom, MlNetTrainable.Create(), space, tune, new RunConfig { Stop = stop }).FitAsync();

        var expected = Assert.Single(whole.Trials).Results;
        var trial = Assert.Single(resumed.Trials);
        Assert.Equal(TrialStatus.Terminated, trial.Status);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], trial.Results.Select(r => r.Iteration));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], trial.Results.Select(r => (int)r.Metric("epoch")));
        Assert.Equal(expected.Select(r => r.Metric("loss")), trial.Results.Select(r => r.Metric("loss")));
        Assert.Equal(expected.Select(r => r.Metric("auc")), trial.Results.Select(r => r.Metric("auc")));
    }

    [Fact]
    public async Task A_short_seeded_asha_search_finds_a_model_over_90_percent_accurate()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 2);
        var tuner = new Tuner(f.Loom, MlNetTrainable.Create(), MlNetTrainable.Space(),
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
