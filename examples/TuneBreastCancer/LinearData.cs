using Microsoft.ML;
using Microsoft.ML.Data;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// The breast cancer samples as ML.NET data views: a <c>Features</c> column of 30 raw (unscaled) floats and a
/// boolean <c>Label</c> (true = benign), split into training and validation samples as
/// <see cref="BreastCancerData.Split"/> splits them.
/// </summary>
public sealed class LinearData
{
    /// <summary>The features column.</summary>
    public const string FeaturesColumn = "Features";

    private LinearData(IDataView train, IDataView validation)
    {
        Train = train;
        Validation = validation;
    }

    /// <summary>The training samples.</summary>
    public IDataView Train { get; }

    /// <summary>The validation samples.</summary>
    public IDataView Validation { get; }

    /// <summary>Makes the data views.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="splitSeed">The seed of the split.</param>
    /// <returns>The training and validation views.</returns>
    public static LinearData From(BreastCancerData data, int splitSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (train, validation) = data.SplitIndices(splitSeed);
        var context = new MLContext(seed: 0);
        return new LinearData(
            context.Data.LoadFromEnumerable(train.Select(i => Row(data, i)).ToArray()),
            context.Data.LoadFromEnumerable(validation.Select(i => Row(data, i)).ToArray()));
    }

    private static Sample Row(BreastCancerData data, int i) => new()
    {
        Features = [.. data.Features[i].Select(x => (float)x)],
        Label = data.Labels[i] == 1,
    };

    private sealed class Sample
    {
        [VectorType(30)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
