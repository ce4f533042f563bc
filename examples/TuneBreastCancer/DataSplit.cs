namespace Loom.Examples.TuneBreastCancer;

/// <summary>Standardised training and validation samples.</summary>
/// <param name="TrainFeatures">The training rows.</param>
/// <param name="TrainLabels">The training labels (0 or 1).</param>
/// <param name="ValidationFeatures">The validation rows.</param>
/// <param name="ValidationLabels">The validation labels (0 or 1).</param>
public sealed record DataSplit(
    IReadOnlyList<double[]> TrainFeatures,
    IReadOnlyList<int> TrainLabels,
    IReadOnlyList<double[]> ValidationFeatures,
    IReadOnlyList<int> ValidationLabels);
