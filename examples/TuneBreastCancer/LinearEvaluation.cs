namespace Loom.Examples.TuneBreastCancer;

/// <summary>How a <see cref="LinearModel"/> does on the validation samples.</summary>
/// <param name="LogLoss">The mean log loss of the calibrated probabilities.</param>
/// <param name="Accuracy">The share of samples classified correctly.</param>
/// <param name="Auc">The area under the ROC curve.</param>
public readonly record struct LinearEvaluation(double LogLoss, double Accuracy, double Auc);
