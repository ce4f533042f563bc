using Loom.Tune;
using Loom.Tune.Search;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// The sample's function trainable: trains an ML.NET <see cref="LinearModel"/> on the breast cancer data one
/// epoch per iteration, reports the validation <c>loss</c> (log loss of the calibrated probabilities),
/// <c>accuracy</c> and <c>auc</c>, checkpoints the model every epoch and resumes from the trial's checkpoint.
/// </summary>
public static class MlNetTrainable
{
    /// <summary>The seed of the train/validation split (the same for every trial, and the same as <see cref="MlpTrainable.SplitSeed"/>).</summary>
    public const int SplitSeed = 42;

    private static readonly Lazy<LinearData> Data = new(() => LinearData.From(BreastCancerData.Load(), SplitSeed));

    /// <summary>
    /// The search space: <c>trainer</c> averaged perceptron or linear SVM, <c>normalizer</c> min-max or
    /// mean-variance, <c>l2</c> log-uniform in [1e-6, 0.1], and for the averaged perceptron <c>learning_rate</c>
    /// log-uniform in [0.001, 1], <c>decrease_learning_rate</c> and <c>loss_function</c> (hinge, log or smoothed hinge).
    /// </summary>
    /// <returns>A new space.</returns>
    public static SearchSpace Space() => new()
    {
        ["trainer"] = Domains.Choice(LinearModelOptions.AveragedPerceptron, LinearModelOptions.LinearSvm),
        ["normalizer"] = Domains.Choice(LinearModelOptions.MinMax, LinearModelOptions.MeanVariance),
        ["l2"] = Domains.LogUniform(1e-6, 0.1),
        ["learning_rate"] = Domains.LogUniform(0.001, 1),
        ["decrease_learning_rate"] = Domains.Choice(false, true),
        ["loss_function"] = Domains.Choice(LinearModelOptions.Hinge, LinearModelOptions.Log, LinearModelOptions.SmoothedHinge),
    };

    /// <summary>
    /// The trainable. Each trial reads its <see cref="LinearModelOptions"/> from the config (with an optional
    /// <c>seed</c> for the sample order, default 0), then trains until the tuner stops it (give a
    /// <see cref="StopCriteria.MaxIterations"/> or a scheduler's <c>maxT</c>).
    /// </summary>
    /// <param name="maxEpochs">Epochs after which the trial returns by itself.</param>
    /// <returns>The trainable.</returns>
    public static Trainable Create(int maxEpochs = 100) => Trainable.Function(ctx => TrainAsync(ctx, maxEpochs));

    /// <summary>Formats a config for a console line.</summary>
    /// <param name="config">The config.</param>
    /// <returns>The trainer and the settings that apply to it.</returns>
    public static string Describe(TrialConfig config) => LinearModelOptions.FromConfig(config).Describe();

    /// <summary>The sample's data as ML.NET views, loaded once per process.</summary>
    /// <returns>The training and validation views.</returns>
    public static LinearData LoadData() => Data.Value;

    private static async Task TrainAsync(TrialContext ctx, int maxEpochs)
    {
        var options = LinearModelOptions.FromConfig(ctx.Config);
        // Resume from the trial's checkpoint when there is one (after a pause, a failure or a restore).
        var model = ctx.Checkpoint is { } folder
            ? LinearModel.Load(folder, Data.Value, options)
            : LinearModel.Create(Data.Value, options);
        while (model.Epoch < maxEpochs)
        {
            ctx.CancellationToken.ThrowIfCancellationRequested();
            model.TrainEpoch();
            var validation = model.Evaluate();
            await ctx.ReportAsync(
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["loss"] = double.IsFinite(validation.LogLoss) ? validation.LogLoss : double.MaxValue,
                    ["accuracy"] = validation.Accuracy,
                    ["auc"] = validation.Auc,
                    ["epoch"] = model.Epoch,
                },
                dir =>
                {
                    model.Save(dir);
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
        }
    }
}
