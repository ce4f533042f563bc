using Loom.Tune;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;

namespace Loom.Cli.Tune;

/// <summary>A <c>tune.yaml</c> file: a command trainable, its search space and how to search it.</summary>
internal sealed record TuneSpec
{
    /// <summary>The experiment's name (its folder under the storage path).</summary>
    public required string Name { get; init; }

    /// <summary>The program and its arguments, relative script paths already resolved.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Whether the config is also passed as <c>--name value</c> flags.</summary>
    public bool ConfigAsFlags { get; init; } = true;

    /// <summary>The tuned metric.</summary>
    public required string Metric { get; init; }

    /// <summary>Whether lower or higher is better.</summary>
    public TuneMode Mode { get; init; } = TuneMode.Min;

    /// <summary>How many trials to sample.</summary>
    public int NumSamples { get; init; } = 1;

    /// <summary>The most trials at once; null for as many as the resources allow.</summary>
    public int? MaxConcurrentTrials { get; init; }

    /// <summary>What each trial needs.</summary>
    public TrialResources Resources { get; init; } = new();

    /// <summary><c>random</c> or <c>tpe</c>.</summary>
    public string Algorithm { get; init; } = "random";

    /// <summary>The seed of the search and the scheduler.</summary>
    public int Seed { get; init; }

    /// <summary>The scheduler settings.</summary>
    public TuneSchedulerSpec Scheduler { get; init; } = new();

    /// <summary>When a trial stops by itself.</summary>
    public StopCriteria Stop { get; init; } = new();

    /// <summary>What a failure does.</summary>
    public FailurePolicy Failures { get; init; } = new();

    /// <summary>The parameter space.</summary>
    public required SearchSpace Space { get; init; }

    /// <summary>The trainable that runs <see cref="Command"/>.</summary>
    public Trainable Trainable() =>
        Loom.Tune.Trainable.Command(Command[0], [.. Command.Skip(1)], Resources, ConfigAsFlags);

    /// <summary>The search and scheduler settings.</summary>
    public TuneConfig TuneConfig() => new()
    {
        Metric = Metric,
        Mode = Mode,
        NumSamples = NumSamples,
        MaxConcurrentTrials = MaxConcurrentTrials,
        Seed = Seed,
        SearchAlgorithm = Algorithm == "tpe" ? new TpeSearch() : new RandomSearch(),
        Scheduler = Scheduler.Create(Seed),
    };

    /// <summary>Where results go and when trials stop.</summary>
    /// <param name="storage">The storage folder.</param>
    /// <param name="name">The experiment's name; <see cref="Name"/> when null.</param>
    public RunConfig RunConfig(string storage, string? name) => new()
    {
        Name = name ?? Name,
        StoragePath = storage,
        Stop = Stop,
        Failures = Failures,
    };
}
