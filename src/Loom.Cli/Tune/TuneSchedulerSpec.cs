using Loom.Tune.Schedulers;

namespace Loom.Cli.Tune;

/// <summary>The <c>scheduler:</c> section of a tune spec.</summary>
internal sealed record TuneSchedulerSpec
{
    /// <summary>The scheduler types a spec may name.</summary>
    public static readonly string[] Types = ["fifo", "asha", "hyperband", "median"];

    /// <summary>One of <see cref="Types"/>.</summary>
    public string Type { get; init; } = "fifo";

    /// <summary>The first rung (ASHA) or the iterations before stopping (median).</summary>
    public double? GracePeriod { get; init; }

    /// <summary>η of ASHA and HyperBand.</summary>
    public double? ReductionFactor { get; init; }

    /// <summary>The most iterations a trial runs under ASHA or HyperBand.</summary>
    public double? MaxT { get; init; }

    /// <summary>The completed trials the median stopping rule needs before it stops any.</summary>
    public int? MinSamplesRequired { get; init; }

    /// <summary>The scheduler.</summary>
    /// <param name="seed">The experiment's seed.</param>
    public ITrialScheduler Create(int seed) => Type switch
    {
        "asha" => new AshaScheduler(gracePeriod: GracePeriod ?? 1, reductionFactor: ReductionFactor ?? 4, maxT: MaxT ?? 100, seed: seed),
        "hyperband" => new HyperBandScheduler(maxT: MaxT ?? 81, reductionFactor: ReductionFactor ?? 3),
        "median" => new MedianStoppingRule(gracePeriod: GracePeriod ?? 1, minSamplesRequired: MinSamplesRequired ?? 3),
        _ => new FifoScheduler(),
    };
}
