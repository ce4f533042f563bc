namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// A one-hidden-layer perceptron for binary classification: tanh hidden units, a sigmoid output, trained by
/// mini-batch SGD on the log loss with L2 weight decay. Deterministic: the initial weights come from a seed and
/// each epoch's sample order from the seed and the epoch number, so a model restored from <see cref="Save"/>
/// trains on exactly as an uninterrupted one would.
/// </summary>
public sealed class Mlp
{
    private const int Magic = 0x4C4D4C50; // "LMLP"
    private readonly double[] _w1; // hidden × inputs, row-major
    private readonly double[] _b1;
    private readonly double[] _w2;
    private double _b2;

    /// <summary>Creates a model with random initial weights.</summary>
    /// <param name="inputs">The number of features.</param>
    /// <param name="hidden">The number of hidden units.</param>
    /// <param name="seed">The seed of the initial weights and of the sample order.</param>
    public Mlp(int inputs, int hidden, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        Inputs = inputs;
        Hidden = hidden;
        Seed = seed;
        _w1 = new double[hidden * inputs];
        _b1 = new double[hidden];
        _w2 = new double[hidden];
        var random = new Random(seed);
        var scale1 = Math.Sqrt(1.0 / inputs);
        var scale2 = Math.Sqrt(1.0 / hidden);
        for (var i = 0; i < _w1.Length; i++)
        {
            _w1[i] = (random.NextDouble() * 2 - 1) * scale1;
        }

        for (var i = 0; i < _w2.Length; i++)
        {
            _w2[i] = (random.NextDouble() * 2 - 1) * scale2;
        }
    }

    /// <summary>The number of features.</summary>
    public int Inputs { get; }

    /// <summary>The number of hidden units.</summary>
    public int Hidden { get; }

    /// <summary>The seed of the initial weights and of the sample order.</summary>
    public int Seed { get; }

    /// <summary>The epochs trained so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The model, with its weights and epoch count.</returns>
    /// <exception cref="InvalidDataException">The file is not a saved model.</exception>
    public static Mlp Load(string file)
    {
        using var reader = new BinaryReader(File.OpenRead(file));
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException($"{file} is not a saved model.");
        }

        var inputs = reader.ReadInt32();
        var hidden = reader.ReadInt32();
        var seed = reader.ReadInt32();
        var model = new Mlp(inputs, hidden, seed) { Epoch = reader.ReadInt32() };
        ReadInto(reader, model._w1);
        ReadInto(reader, model._b1);
        ReadInto(reader, model._w2);
        model._b2 = reader.ReadDouble();
        return model;
    }

    /// <summary>Writes the model (shape, seed, epoch and the exact weights) to a file.</summary>
    /// <param name="file">The file.</param>
    public void Save(string file)
    {
        using var writer = new BinaryWriter(File.Create(file));
        writer.Write(Magic);
        writer.Write(Inputs);
        writer.Write(Hidden);
        writer.Write(Seed);
        writer.Write(Epoch);
        foreach (var values in new[] { _w1, _b1, _w2 })
        {
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }

        writer.Write(_b2);
    }

    /// <summary>The probability that a sample is of class 1.</summary>
    /// <param name="x">The standardised features.</param>
    /// <returns>The probability.</returns>
    public double Predict(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Forward(x, new double[Hidden]);
    }

    /// <summary>Trains one epoch: the samples in a seeded order, one SGD step per mini-batch.</summary>
    /// <param name="features">The standardised training rows.</param>
    /// <param name="labels">Their labels (0 or 1).</param>
    /// <param name="learningRate">The SGD step size.</param>
    /// <param name="l2">The L2 weight decay.</param>
    /// <param name="batchSize">Samples per step.</param>
    public void TrainEpoch(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, double learningRate, double l2, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Enumerable.Range(0, features.Count).ToArray();
        new Random(unchecked((Seed * 1_000_003) + Epoch)).Shuffle(order);
        var gw1 = new double[_w1.Length];
        var gb1 = new double[_b1.Length];
        var gw2 = new double[_w2.Length];
        var hidden = new double[Hidden];
        for (var start = 0; start < order.Length; start += batchSize)
        {
            Array.Clear(gw1);
            Array.Clear(gb1);
            Array.Clear(gw2);
            var gb2 = 0.0;
            var end = Math.Min(start + batchSize, order.Length);
            for (var k = start; k < end; k++)
            {
                var x = features[order[k]];
                var error = Forward(x, hidden) - labels[order[k]]; // d(log loss)/d(logit)
                gb2 += error;
                for (var h = 0; h < Hidden; h++)
                {
                    gw2[h] += error * hidden[h];
                    var delta = error * _w2[h] * (1 - (hidden[h] * hidden[h]));
                    gb1[h] += delta;
                    var row = h * Inputs;
                    for (var j = 0; j < Inputs; j++)
                    {
                        gw1[row + j] += delta * x[j];
                    }
                }
            }

            var step = learningRate / (end - start);
            for (var i = 0; i < _w1.Length; i++)
            {
                _w1[i] -= (step * gw1[i]) + (learningRate * l2 * _w1[i]);
            }

            for (var h = 0; h < Hidden; h++)
            {
                _b1[h] -= step * gb1[h];
                _w2[h] -= (step * gw2[h]) + (learningRate * l2 * _w2[h]);
            }

            _b2 -= step * gb2;
        }

        Epoch++;
    }

    /// <summary>The mean log loss and the accuracy on a set of samples.</summary>
    /// <param name="features">The standardised rows.</param>
    /// <param name="labels">Their labels (0 or 1).</param>
    /// <returns>The evaluation.</returns>
    public Evaluation Evaluate(IReadOnlyList<double[]> features, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var hidden = new double[Hidden];
        var loss = 0.0;
        var correct = 0;
        for (var i = 0; i < features.Count; i++)
        {
            var p = Math.Clamp(Forward(features[i], hidden), 1e-12, 1 - 1e-12);
            loss -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
            correct += (p >= 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
        }

        return new Evaluation(loss / features.Count, (double)correct / features.Count);
    }

    private static void ReadInto(BinaryReader reader, double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }
    }

    private double Forward(double[] x, double[] hidden)
    {
        var logit = _b2;
        for (var h = 0; h < Hidden; h++)
        {
            var sum = _b1[h];
            var row = h * Inputs;
            for (var j = 0; j < Inputs; j++)
            {
                sum += _w1[row + j] * x[j];
            }

            hidden[h] = Math.Tanh(sum);
            logit += _w2[h] * hidden[h];
        }

        return 1 / (1 + Math.Exp(-logit));
    }
}
