using System.Globalization;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// The Wisconsin diagnostic breast cancer data (569 tumours, 30 features, malignant or benign) in scikit-learn's
/// CSV layout: a first line <c>569,30,malignant,benign</c>, then one row per sample with the 30 features and the
/// class index (0 malignant, 1 benign).
/// </summary>
public sealed class BreastCancerData
{
    private BreastCancerData(double[][] features, int[] labels, IReadOnlyList<string> classNames)
    {
        Features = features;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>The file shipped next to the sample's binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer.csv");

    /// <summary>One row of 30 features per sample.</summary>
    public IReadOnlyList<double[]> Features { get; }

    /// <summary>The class index of each sample (0 malignant, 1 benign).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The class names, by index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Labels.Count;

    /// <summary>The number of features per sample.</summary>
    public int FeatureCount => Features.Count == 0 ? 0 : Features[0].Length;

    /// <summary>Reads the data set.</summary>
    /// <param name="path">The CSV file; <see cref="DefaultPath"/> when null.</param>
    /// <returns>The samples.</returns>
    /// <exception cref="FormatException">The file is not in scikit-learn's layout.</exception>
    public static BreastCancerData Load(string? path = null)
    {
        var lines = File.ReadAllLines(path ?? DefaultPath).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var count = int.Parse(header[0], CultureInfo.InvariantCulture);
        var featureCount = int.Parse(header[1], CultureInfo.InvariantCulture);
        if (lines.Length - 1 != count)
        {
            throw new FormatException($"The header announces {count} samples but the file has {lines.Length - 1}.");
        }

        var features = new double[count][];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var cells = lines[i + 1].Split(',');
            if (cells.Length != featureCount + 1)
            {
                throw new FormatException($"Row {i + 1} has {cells.Length} cells, not {featureCount + 1}.");
            }

            features[i] = [.. cells.Take(featureCount).Select(c => double.Parse(c, CultureInfo.InvariantCulture))];
            labels[i] = int.Parse(cells[featureCount], CultureInfo.InvariantCulture);
        }

        return new BreastCancerData(features, labels, header[2..]);
    }

    /// <summary>
    /// The sample indices of the train/validation split that <see cref="Split"/> makes: a shuffle by
    /// <paramref name="seed"/>, the first <paramref name="validationFraction"/> of it held out.
    /// </summary>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="validationFraction">The share of samples held out.</param>
    /// <returns>The training and the validation samples' indices.</returns>
    public (int[] Train, int[] Validation) SplitIndices(int seed = 42, double validationFraction = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validationFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(validationFraction, 1);
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        var validationCount = (int)Math.Round(Count * validationFraction);
        return (order[validationCount..], order[..validationCount]);
    }

    /// <summary>
    /// A fixed train/validation split (stratified by nothing, shuffled by <paramref name="seed"/>) with features
    /// standardised by the training part's mean and standard deviation.
    /// </summary>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="validationFraction">The share of samples held out.</param>
    /// <returns>The split.</returns>
    public DataSplit Split(int seed = 42, double validationFraction = 0.25)
    {
        var (train, validation) = SplitIndices(seed, validationFraction);
        var mean = new double[FeatureCount];
        var std = new double[FeatureCount];
        for (var j = 0; j < FeatureCount; j++)
        {
            mean[j] = train.Average(i => Features[i][j]);
            var m = mean[j];
            var variance = train.Average(i => (Features[i][j] - m) * (Features[i][j] - m));
            std[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        double[] Standardise(int i) => [.. Features[i].Select((x, j) => (x - mean[j]) / std[j])];
        return new DataSplit(
            [.. train.Select(Standardise)], [.. train.Select(i => Labels[i])],
            [.. validation.Select(Standardise)], [.. validation.Select(i => Labels[i])]);
    }
}
