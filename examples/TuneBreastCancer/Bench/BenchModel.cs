using Loom.Tune;
using Loom.Tune.Search;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>A model the benchmark tunes: its trainable, space, loss targets and a direct (tuner-less) trainer.</summary>
/// <param name="Name">The name on the command line (<c>--model NAME</c>) and in the output.</param>
/// <param name="Description">What the model is, for the output.</param>
/// <param name="Create">The trainable, given the epochs after which a trial returns.</param>
/// <param name="Space">The search space.</param>
/// <param name="SchedulerTarget">The validation loss the scheduler comparison counts iterations to.</param>
/// <param name="SearchTarget">The validation loss the search comparison counts trials to.</param>
/// <param name="Start">Starts training a config directly: returns a function that trains one epoch and returns the validation loss and accuracy.</param>
public sealed record BenchModel(
    string Name,
    string Description,
    Func<int, Trainable> Create,
    Func<SearchSpace> Space,
    double SchedulerTarget,
    double SearchTarget,
    Func<TrialConfig, Func<(double Loss, double Accuracy)>> Start)
{
    private static readonly Lazy<DataSplit> MlpSplit = new(() => BreastCancerData.Load().Split(MlpTrainable.SplitSeed));

    /// <summary>The ML.NET linear classifier (<see cref="MlNetTrainable"/>), the default.</summary>
    public static BenchModel MlNet { get; } = new(
        "mlnet",
        "ML.NET linear classifier (averaged perceptron or linear SVM, Platt-calibrated)",
        MlNetTrainable.Create,
        MlNetTrainable.Space,
        SchedulerTarget: 0.103,
        SearchTarget: 0.099,
        config =>
        {
            var model = LinearModel.Create(MlNetTrainable.LoadData(), LinearModelOptions.FromConfig(config));
            return () =>
            {
                model.TrainEpoch();
                var evaluation = model.Evaluate();
                return (evaluation.LogLoss, evaluation.Accuracy);
            };
        });

    /// <summary>The hand-written MLP (<see cref="MlpTrainable"/>).</summary>
    public static BenchModel Mlp { get; } = new(
        "mlp",
        "hand-written MLP (Mlp.cs)",
        MlpTrainable.Create,
        MlpTrainable.Space,
        SchedulerTarget: 0.06,
        SearchTarget: 0.056,
        config =>
        {
            var split = MlpSplit.Value;
            var model = new TuneBreastCancer.Mlp(30, config.Get<int>("hidden"), 0);
            return () =>
            {
                model.TrainEpoch(split.TrainFeatures, split.TrainLabels, config.Get<double>("lr"), config.Get<double>("l2"), config.Get<int>("batch_size"));
                var evaluation = model.Evaluate(split.ValidationFeatures, split.ValidationLabels);
                return (evaluation.Loss, evaluation.Accuracy);
            };
        });

    /// <summary>The model named <paramref name="name"/>.</summary>
    /// <param name="name"><c>mlnet</c> or <c>mlp</c>.</param>
    /// <returns>The model.</returns>
    public static BenchModel Named(string name) => name switch
    {
        "mlnet" => MlNet,
        "mlp" => Mlp,
        _ => throw new ArgumentException($"Unknown model '{name}' (expected mlnet or mlp).", nameof(name)),
    };
}
