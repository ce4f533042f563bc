using System.Diagnostics;

namespace Loom.Cli.Demo;

/// <summary>
/// A small but real training run: fits y = a·x + b to noisy synthetic data (made with a = 3, b = 2)
/// by full-batch gradient descent. It takes a few hundred milliseconds of CPU time.
/// </summary>
internal static class GradientDescentExperiment
{
    public const double TrueSlope = 3.0;
    public const double TrueIntercept = 2.0;
    private const int Points = 4_000;
    private const int Epochs = 6_000;

    public static ExperimentResult Run(ExperimentSpec spec)
    {
        var context = LoomContext.Current;
        var start = Stopwatch.GetElapsedTime(spec.OriginTimestamp).TotalSeconds;

        var (x, y) = SyntheticData(spec.Index);
        double slope = 0, intercept = 0, loss = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            double gradSlope = 0, gradIntercept = 0, squared = 0;
            for (var i = 0; i < Points; i++)
            {
                var error = (slope * x[i]) + intercept - y[i];
                gradSlope += error * x[i];
                gradIntercept += error;
                squared += error * error;
            }

            slope -= spec.LearningRate * 2 * gradSlope / Points;
            intercept -= spec.LearningRate * 2 * gradIntercept / Points;
            loss = squared / Points;
        }

        var end = Stopwatch.GetElapsedTime(spec.OriginTimestamp).TotalSeconds;
        return new ExperimentResult(spec.Index, spec.LearningRate, [.. context.GpuIds], start, end, slope, intercept, loss);
    }

    private static (double[] X, double[] Y) SyntheticData(int seed)
    {
        var random = new Random(seed);
        var x = new double[Points];
        var y = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            x[i] = (random.NextDouble() * 2) - 1;
            y[i] = (TrueSlope * x[i]) + TrueIntercept + ((random.NextDouble() - 0.5) * 0.2);
        }

        return (x, y);
    }
}
