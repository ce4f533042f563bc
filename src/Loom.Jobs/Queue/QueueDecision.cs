namespace Loom.Jobs.Queue;

/// <summary>What the <see cref="QueuePolicy"/> decided.</summary>
public sealed record QueueDecision
{
    /// <summary>The jobs to start now, in order.</summary>
    public IReadOnlyList<JobStart> Starts { get; init; } = [];

    /// <summary>The queued jobs that must fail.</summary>
    public IReadOnlyList<JobFailure> Failures { get; init; } = [];

    /// <summary>The jobs that a job behind them in the queue order overtook (see <see cref="JobStore.RecordPassedOver"/>).</summary>
    public IReadOnlyList<long> PassedOver { get; init; } = [];

    /// <summary>The starving jobs whose resources are held back from smaller jobs.</summary>
    public IReadOnlyList<long> Reserved { get; init; } = [];

    /// <summary>Running jobs to halt so that a higher-priority job can start, if any.</summary>
    public PreemptionProposal? Preemption { get; init; }
}
