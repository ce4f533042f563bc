using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// An ML.NET linear binary classifier on the breast cancer data, trained one epoch at a time: a normaliser fitted
/// on the training samples, then an online linear trainer (<c>AveragedPerceptron</c> or <c>LinearSvm</c>) run for
/// one pass (<c>NumberOfIterations = 1</c>) and warm-started from the previous epoch's weights through the
/// trainer's <c>Fit(trainData, LinearModelParameters)</c>. After each epoch a Platt calibrator is fitted on the
/// training scores, so the model gives probabilities and a validation log loss.
/// </summary>
/// <remarks>
/// Deterministic: each epoch's sample order comes from a fresh <see cref="MLContext"/> seeded with the options'
/// seed and the epoch number, and a model restored by <see cref="Load"/> continues from the saved weights, so
/// it trains on exactly as an uninterrupted one would. An epoch is one pass with the trainer's per-pass state
/// (the perceptron's averaging and rate decrease, Pegasos' step count) started afresh from the saved weights.
/// </remarks>
public sealed class LinearModel
{
    /// <summary>The ML.NET model file inside a checkpoint folder: normaliser, linear model and calibrator.</summary>
    public const string ModelFile = "model.zip";

    /// <summary>The file holding the number of epochs trained, inside a checkpoint folder.</summary>
    public const string EpochFile = "epoch.txt";

    private readonly LinearData _data;
    private readonly ITransformer _normalizer;
    private readonly IDataView _train;
    private readonly IDataView _validation;
    private ISingleFeaturePredictionTransformer<object>? _predictor;
    private ITransformer? _calibrator;

    private LinearModel(LinearData data, LinearModelOptions options, ITransformer normalizer, int epoch)
    {
        _data = data;
        Options = options;
        _normalizer = normalizer;
        Epoch = epoch;
        var context = new MLContext(options.Seed);
        _train = context.Data.Cache(normalizer.Transform(data.Train));
        _validation = normalizer.Transform(data.Validation);
    }

    /// <summary>The hyperparameters.</summary>
    public LinearModelOptions Options { get; }

    /// <summary>The epochs trained so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>The weights of the linear model, or null before the first epoch.</summary>
    public LinearModelParameters? Parameters => _predictor?.Model as LinearModelParameters;

    /// <summary>Creates an untrained model: fits the normaliser on the training samples.</summary>
    /// <param name="data">The samples.</param>
    /// <param name="options">The hyperparameters.</param>
    /// <returns>The model.</returns>
    public static LinearModel Create(LinearData data, LinearModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var context = new MLContext(options.Seed);
        var normalizer = options.Normalizer switch
        {
            LinearModelOptions.MinMax => context.Transforms.NormalizeMinMax(LinearData.FeaturesColumn),
            LinearModelOptions.MeanVariance => context.Transforms.NormalizeMeanVariance(LinearData.FeaturesColumn),
            _ => throw new ArgumentException($"Unknown normalizer '{options.Normalizer}' (expected {LinearModelOptions.MinMax} or {LinearModelOptions.MeanVariance}).", nameof(options)),
        };
        return new LinearModel(data, options, normalizer.Fit(data.Train), epoch: 0);
    }

    /// <summary>Reads a model written by <see cref="Save"/>, to train on from its epoch.</summary>
    /// <param name="folder">The checkpoint folder.</param>
    /// <param name="data">The samples.</param>
    /// <param name="options">The hyperparameters (the same as the saved model's).</param>
    /// <returns>The model, with its normaliser, weights, calibrator and epoch count.</returns>
    /// <exception cref="InvalidDataException">The folder does not hold a saved model.</exception>
    public static LinearModel Load(string folder, LinearData data, LinearModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var epoch = int.Parse(File.ReadAllText(Path.Combine(folder, EpochFile)).Trim(), CultureInfo.InvariantCulture);
        var context = new MLContext(options.Seed);
        var parts = context.Model.Load(Path.Combine(folder, ModelFile), out _) is TransformerChain<ITransformer> chain
            ? chain.ToArray()
            : throw new InvalidDataException($"{folder}/{ModelFile} is not a transformer chain.");
        if (parts.Length != 3 || parts[1] is not ISingleFeaturePredictionTransformer<object> { Model: LinearModelParameters } predictor)
        {
            throw new InvalidDataException($"{folder}/{ModelFile} is not a normaliser, a linear model and a calibrator.");
        }

        return new LinearModel(data, options, parts[0], epoch) { _predictor = predictor, _calibrator = parts[2] };
    }

    /// <summary>Trains one more epoch: one pass over the training samples from the current weights.</summary>
    public void TrainEpoch()
    {
        var context = new MLContext(unchecked((Options.Seed * 100_003) + Epoch + 1));
        var trainers = context.BinaryClassification.Trainers;
        var previous = Parameters;
        _predictor = Options.Trainer switch
        {
            LinearModelOptions.AveragedPerceptron => Fit(
                trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                {
                    NumberOfIterations = 1,
                    Shuffle = true,
                    LearningRate = (float)Options.LearningRate,
                    DecreaseLearningRate = Options.DecreaseLearningRate,
                    L2Regularization = (float)Options.L2,
                    LossFunction = LossFunction(Options.Loss),
                }),
                previous),
            LinearModelOptions.LinearSvm => Fit(
                trainers.LinearSvm(new LinearSvmTrainer.Options { NumberOfIterations = 1, Shuffle = true, Lambda = (float)Options.L2 }),
                previous),
            _ => throw new InvalidOperationException($"Unknown trainer '{Options.Trainer}' (expected {LinearModelOptions.AveragedPerceptron} or {LinearModelOptions.LinearSvm})."),
        };
        _calibrator = context.BinaryClassification.Calibrators.Platt().Fit(_predictor.Transform(_train));
        Epoch++;
    }

    /// <summary>How the model does on the validation samples.</summary>
    /// <returns>The log loss (of the calibrated probabilities), the accuracy and the area under the ROC curve.</returns>
    /// <exception cref="InvalidOperationException">No epoch was trained yet.</exception>
    public LinearEvaluation Evaluate()
    {
        if (_predictor is null || _calibrator is null)
        {
            throw new InvalidOperationException("Train an epoch first.");
        }

        var context = new MLContext(Options.Seed);
        var metrics = context.BinaryClassification.Evaluate(_calibrator.Transform(_predictor.Transform(_validation)));
        return new LinearEvaluation(metrics.LogLoss, metrics.Accuracy, metrics.AreaUnderRocCurve);
    }

    /// <summary>
    /// Writes the model (normaliser, linear model and calibrator, with ML.NET's <c>Model.Save</c>) and its epoch
    /// count into <paramref name="folder"/>.
    /// </summary>
    /// <param name="folder">The checkpoint folder.</param>
    /// <exception cref="InvalidOperationException">No epoch was trained yet.</exception>
    public void Save(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (_predictor is null || _calibrator is null)
        {
            throw new InvalidOperationException("Train an epoch first.");
        }

        var context = new MLContext(Options.Seed);
        var chain = new TransformerChain<ITransformer>(_normalizer, _predictor, _calibrator);
        context.Model.Save(chain, _data.Train.Schema, Path.Combine(folder, ModelFile));
        File.WriteAllText(Path.Combine(folder, EpochFile), Epoch.ToString(CultureInfo.InvariantCulture));
    }

    private ISingleFeaturePredictionTransformer<object> Fit<TTransformer, TModel>(
        OnlineLinearTrainer<TTransformer, TModel> trainer, LinearModelParameters? previous)
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
        => (ISingleFeaturePredictionTransformer<object>)(previous is null ? trainer.Fit(_train) : trainer.Fit(_train, previous));

    private static IClassificationLoss LossFunction(string name) => name switch
    {
        LinearModelOptions.Hinge => new HingeLoss(),
        LinearModelOptions.Log => new LogLoss(),
        LinearModelOptions.SmoothedHinge => new SmoothedHingeLoss(),
        _ => throw new InvalidOperationException($"Unknown loss '{name}' (expected {LinearModelOptions.Hinge}, {LinearModelOptions.Log} or {LinearModelOptions.SmoothedHinge})."),
    };
}
