using System.Diagnostics;
using System.Globalization;
using Loom.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>Trains random configs of a model's space directly, to see which validation losses are reachable and what an epoch costs.</summary>
public static class Pilot
{
    /// <summary>Trains <paramref name="configs"/> random configs for <paramref name="epochs"/> epochs and prints the quantiles of their best and last losses and the time per epoch.</summary>
    /// <param name="model">The model.</param>
    /// <param name="configs">How many configs.</param>
    /// <param name="epochs">Epochs per config.</param>
    public static void Run(BenchModel model, int configs, int epochs)
    {
        ArgumentNullException.ThrowIfNull(model);
        var space = model.Space();
        var random = new Random(12345);
        var best = new List<double>();
        var last = new List<double>();
        var bestAccuracy = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < configs; i++)
        {
            var epoch = model.Start(space.Resolve(TrialConfig.Empty, random));
            var lowest = double.MaxValue;
            var accuracy = 0.0;
            var loss = double.NaN;
            for (var e = 0; e < epochs; e++)
            {
                (loss, var epochAccuracy) = epoch();
                lowest = Math.Min(lowest, loss);
                accuracy = Math.Max(accuracy, epochAccuracy);
            }

            best.Add(lowest);
            last.Add(loss);
            bestAccuracy.Add(accuracy);
        }

        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name}: {configs} random configs x {epochs} epochs, {clock.Elapsed.TotalMilliseconds / (configs * epochs):F2} ms per epoch (train + evaluate)"));
        foreach (var (name, values) in new[] { ("best loss", best), ("last loss", last), ("best accuracy", bestAccuracy) })
        {
            values.Sort();
            var q = (double p) => values[(int)Math.Min(values.Count - 1, Math.Floor(p * values.Count))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: min {values[0]:F4} p10 {q(0.1):F4} p20 {q(0.2):F4} p25 {q(0.25):F4} p50 {q(0.5):F4} p75 {q(0.75):F4} max {values[^1]:F4}"));
        }
    }
}
