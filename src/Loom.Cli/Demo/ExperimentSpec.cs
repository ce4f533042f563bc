namespace Loom.Cli.Demo;

/// <summary>One experiment of the sweep: which learning rate to try, and the clock origin for its timings.</summary>
internal sealed record ExperimentSpec(int Index, double LearningRate, long OriginTimestamp);
