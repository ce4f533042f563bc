using System.Globalization;
using Loom.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>The hyperparameters of a <see cref="LinearModel"/>.</summary>
/// <param name="Trainer"><see cref="AveragedPerceptron"/> or <see cref="LinearSvm"/>.</param>
/// <param name="Normalizer"><see cref="MinMax"/> or <see cref="MeanVariance"/>: how the features are scaled.</param>
/// <param name="L2">The L2 regularisation: the averaged perceptron's <c>L2Regularization</c>, the linear SVM's <c>Lambda</c>.</param>
/// <param name="LearningRate">The averaged perceptron's learning rate (the linear SVM's step follows from <paramref name="L2"/>).</param>
/// <param name="DecreaseLearningRate">Whether the averaged perceptron's rate decreases during an epoch.</param>
/// <param name="Loss">The averaged perceptron's loss: <see cref="Hinge"/>, <see cref="Log"/> or <see cref="SmoothedHinge"/>.</param>
/// <param name="Seed">The seed of the sample order, epoch by epoch.</param>
public sealed record LinearModelOptions(
    string Trainer,
    string Normalizer,
    double L2,
    double LearningRate = 1,
    bool DecreaseLearningRate = false,
    string Loss = LinearModelOptions.Hinge,
    int Seed = 0)
{
    /// <summary>ML.NET's <c>AveragedPerceptron</c> binary trainer.</summary>
    public const string AveragedPerceptron = "averaged_perceptron";

    /// <summary>ML.NET's <c>LinearSvm</c> binary trainer (Pegasos).</summary>
    public const string LinearSvm = "linear_svm";

    /// <summary>Features scaled into [0, 1] by the training samples' minimum and maximum.</summary>
    public const string MinMax = "min_max";

    /// <summary>Features scaled to the training samples' zero mean and unit variance.</summary>
    public const string MeanVariance = "mean_variance";

    /// <summary>The hinge loss.</summary>
    public const string Hinge = "hinge";

    /// <summary>The log loss (logistic regression).</summary>
    public const string Log = "log";

    /// <summary>The smoothed hinge loss.</summary>
    public const string SmoothedHinge = "smoothed_hinge";

    /// <summary>
    /// Reads a trial's config: <c>trainer</c>, <c>normalizer</c>, <c>l2</c>, and, when present,
    /// <c>learning_rate</c>, <c>decrease_learning_rate</c>, <c>loss_function</c> and <c>seed</c>.
    /// </summary>
    /// <param name="config">The config.</param>
    /// <returns>The options.</returns>
    public static LinearModelOptions FromConfig(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = config.Values;
        return new LinearModelOptions(
            config.Get<string>("trainer"),
            config.Get<string>("normalizer"),
            config.Get<double>("l2"),
            values.ContainsKey("learning_rate") ? config.Get<double>("learning_rate") : 1,
            values.ContainsKey("decrease_learning_rate") && config.Get<bool>("decrease_learning_rate"),
            values.ContainsKey("loss_function") ? config.Get<string>("loss_function") : Hinge,
            values.ContainsKey("seed") ? config.Get<int>("seed") : 0);
    }

    /// <summary>A short description for a console line (the averaged perceptron's settings only for it).</summary>
    /// <returns>The trainer, normalizer and the settings that apply.</returns>
    public string Describe() => Trainer == AveragedPerceptron
        ? string.Create(CultureInfo.InvariantCulture, $"{Trainer} loss_function={Loss} lr={LearningRate:G3}{(DecreaseLearningRate ? " decreasing" : "")} l2={L2:G3} {Normalizer}")
        : string.Create(CultureInfo.InvariantCulture, $"{Trainer} lambda={L2:G3} {Normalizer}");
}
