using System.Globalization;
using Loom.Tune;
using Loom.Tune.Search;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Examples.TuneBreastCancer;

/// <summary>
/// The hand-written alternative to <see cref="MlNetTrainable"/> (<c>--bench --model mlp</c>): trains an
/// <see cref="Mlp"/> on the breast cancer data one epoch per iteration, reports the validation <c>loss</c> (log loss) and <c>accuracy</c>, checkpoints the weights every
/// epoch and resumes from the trial's checkpoint.
/// </summary>
public static class MlpTrainable
{
    /// <summary>The checkpoint file inside a checkpoint folder.</summary>
    public const string CheckpointFile = "model.bin";

    /// <summary>The seed of the train/validation split (the same for every trial).</summary>
    public const int SplitSeed = 42;

    private static readonly Lazy<DataSplit> Data = new(() => BreastCancerData.Load().Split(SplitSeed));

    /// <summary>
    /// The search space: <c>lr</c> log-uniform in [0.001, 1], <c>hidden</c> in {4, 8, 16, 32}, <c>l2</c>
    /// log-uniform in [1e-6, 1e-2], <c>batch_size</c> in {8, 16, 32, 64}.
    /// </summary>
    /// <returns>A new space.</returns>
    public static SearchSpace Space() => new()
    {
        ["lr"] = Domains.LogUniform(0.001, 1),
        ["hidden"] = Domains.Choice(4, 8, 16, 32),
        ["l2"] = Domains.LogUniform(1e-6, 1e-2),
        ["batch_size"] = Domains.Choice(8, 16, 32, 64),
    };

    /// <summary>
    /// The trainable. Each trial reads <c>lr</c>, <c>hidden</c>, <c>l2</c>, <c>batch_size</c> and an optional
    /// <c>seed</c> (weights and sample order, default 0), then trains until the tuner stops it (give a
    /// <see cref="StopCriteria.MaxIterations"/> or a scheduler's <c>maxT</c>).
    /// </summary>
    /// <param name="maxEpochs">Epochs after which the trial returns by itself.</param>
    /// <returns>The trainable.</returns>
    public static Trainable Create(int maxEpochs = 100) => Trainable.Function(ctx => TrainAsync(ctx, maxEpochs));

    private static async Task TrainAsync(TrialContext ctx, int maxEpochs)
    {
        var data = Data.Value;
        var config = ctx.Config;
        var lr = config.Get<double>("lr");
        var l2 = config.Get<double>("l2");
        var batchSize = config.Get<int>("batch_size");
        var model = ctx.Checkpoint is { } folder
            ? Mlp.Load(Path.Combine(folder, CheckpointFile))
            : new Mlp(data.TrainFeatures[0].Length, config.Get<int>("hidden"), config.Values.ContainsKey("seed") ? config.Get<int>("seed") : 0);
        while (model.Epoch < maxEpochs)
        {
            ctx.CancellationToken.ThrowIfCancellationRequested();
            model.TrainEpoch(data.TrainFeatures, data.TrainLabels, lr, l2, batchSize);
            var validation = model.Evaluate(data.ValidationFeatures, data.ValidationLabels);
            var loss = double.IsFinite(validation.Loss) ? validation.Loss : double.MaxValue;
            await ctx.ReportAsync(
                new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["loss"] = loss,
                    ["accuracy"] = validation.Accuracy,
                    ["epoch"] = model.Epoch,
                },
                dir =>
                {
                    model.Save(Path.Combine(dir, CheckpointFile));
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
        }
    }

    /// <summary>Formats a config for a console line.</summary>
    /// <param name="config">The config.</param>
    /// <returns>lr, hidden, l2 and batch size.</returns>
    public static string Describe(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"lr={config.Get<double>("lr"):G3} hidden={config.Get<int>("hidden")} l2={config.Get<double>("l2"):G3} batch_size={config.Get<int>("batch_size")}");
    }
}
