using System.Text.Json;

namespace Loom.Tune;

/// <summary>What <c>experiment_state.json</c> holds: enough to continue an interrupted experiment.</summary>
internal sealed record ExperimentState
{
    public required string Metric { get; init; }

    public TuneMode Mode { get; init; }

    public int NumSamples { get; init; }

    public int NextTrial { get; init; }

    public string SearcherState { get; init; } = "";

    public string SchedulerState { get; init; } = "";

    public List<TrialState> Trials { get; init; } = [];

    public sealed record TrialState
    {
        public required string Id { get; init; }

        public TrialConfig Config { get; init; } = TrialConfig.Empty;

        public TrialStatus Status { get; init; }

        public int Iteration { get; init; }

        public string? LatestCheckpoint { get; init; }

        public int Failures { get; init; }

        public string? Error { get; init; }

        public double ElapsedSeconds { get; init; }
    }
}
