using System.Globalization;
using Loom.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>Trains random configs of the sample's space directly, to see which validation losses are reachable.</summary>
public static class Pilot
{
    /// <summary>Trains <paramref name="configs"/> random configs for <paramref name="epochs"/> epochs and prints the quantiles of their best and last losses.</summary>
    /// <param name="configs">How many configs.</param>
    /// <param name="epochs">Epochs per config.</param>
    public static void Run(int configs, int epochs)
    {
        var split = BreastCancerData.Load().Split(BreastCancerTrainable.SplitSeed);
        var space = BreastCancerTrainable.Space();
        var random = new Random(12345);
        var best = new List<double>();
        var last = new List<double>();
        var bestAccuracy = new List<double>();
        for (var i = 0; i < configs; i++)
        {
            var config = space.Resolve(TrialConfig.Empty, random);
            var model = new Mlp(30, config.Get<int>("hidden"), 0);
            var lowest = double.MaxValue;
            var accuracy = 0.0;
            var evaluation = default(Evaluation);
            for (var e = 0; e < epochs; e++)
            {
                model.TrainEpoch(split.TrainFeatures, split.TrainLabels, config.Get<double>("lr"), config.Get<double>("l2"), config.Get<int>("batch_size"));
                evaluation = model.Evaluate(split.ValidationFeatures, split.ValidationLabels);
                lowest = Math.Min(lowest, evaluation.Loss);
                accuracy = Math.Max(accuracy, evaluation.Accuracy);
            }

            best.Add(lowest);
            last.Add(evaluation.Loss);
            bestAccuracy.Add(accuracy);
        }

        foreach (var (name, values) in new[] { ("best loss", best), ("last loss", last), ("best accuracy", bestAccuracy) })
        {
            values.Sort();
            var q = (double p) => values[(int)Math.Min(values.Count - 1, Math.Floor(p * values.Count))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: min {values[0]:F4} p10 {q(0.1):F4} p25 {q(0.25):F4} p50 {q(0.5):F4} p75 {q(0.75):F4} max {values[^1]:F4}"));
        }
    }
}
