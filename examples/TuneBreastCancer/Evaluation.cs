namespace Loom.Examples.TuneBreastCancer;

/// <summary>How a model does on a set of samples.</summary>
/// <param name="Loss">The mean log loss (binary cross-entropy).</param>
/// <param name="Accuracy">The share of samples classified correctly.</param>
public readonly record struct Evaluation(double Loss, double Accuracy);
