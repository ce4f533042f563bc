namespace Loom.Cli.Demo;

/// <summary>What an experiment reports: the GPU it ran on, when it ran (seconds since the sweep began) and its fit.</summary>
internal sealed record ExperimentResult(
    int Index,
    double LearningRate,
    IReadOnlyList<int> GpuIds,
    double StartSeconds,
    double EndSeconds,
    double Slope,
    double Intercept,
    double Loss);
