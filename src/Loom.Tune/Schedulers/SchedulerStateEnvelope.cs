namespace Loom.Tune.Schedulers;

/// <summary>A saved scheduler state with the kind and arguments of the scheduler that saved it.</summary>
/// <typeparam name="T">The scheduler's state type.</typeparam>
/// <param name="Scheduler">The scheduler's kind, e.g. <c>asha</c>.</param>
/// <param name="Arguments">The scheduler's constructor arguments, as text.</param>
/// <param name="State">The state.</param>
internal sealed record SchedulerStateEnvelope<T>(string Scheduler, string Arguments, T State);
