using Loom.Actors;
using Loom.Node;
using Loom.Worker;

namespace Loom;

/// <summary>Describes an actor before it is created: set options, then call <see cref="Remote"/>.</summary>
/// <typeparam name="T">The actor's class.</typeparam>
public sealed class ActorBuilder<T>
    where T : class
{
    private readonly CoreRuntime _runtime;
    private readonly ActorFactory _factory;

    internal ActorBuilder(CoreRuntime runtime, ActorFactory factory, ActorOptions options)
    {
        _runtime = runtime;
        _factory = factory;
        Options = options;
    }

    /// <summary>The options the actor will be created with.</summary>
    public ActorOptions Options { get; }

    /// <summary>Uses <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public ActorBuilder<T> WithOptions(ActorOptions options) => new(_runtime, _factory, options);

    /// <summary>Names the actor so it can be found with <see cref="LoomCluster.GetActor{TActor}(string, string?)"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="actorNamespace">The namespace; null keeps the current one (default <c>"default"</c>).</param>
    public ActorBuilder<T> WithName(string name, string? actorNamespace = null) =>
        WithOptions(Options with { Name = name, Namespace = actorNamespace ?? Options.Namespace });

    /// <summary>Returns the existing actor of the same name instead of failing (get-or-create).</summary>
    public ActorBuilder<T> GetIfExists() => WithOptions(Options with { GetIfExists = true });

    /// <summary>Holds <paramref name="cpus"/> CPUs for the actor's lifetime.</summary>
    /// <param name="cpus">CPUs.</param>
    public ActorBuilder<T> WithCpus(double cpus) => WithOptions(Options with { Cpus = cpus });

    /// <summary>Holds <paramref name="gpus"/> GPUs for the actor's lifetime.</summary>
    /// <param name="gpus">GPUs: below 1 shares a GPU; 1 or more must be whole.</param>
    public ActorBuilder<T> WithGpus(double gpus) => WithOptions(Options with { Gpus = gpus });

    /// <summary>Reserves <paramref name="bytes"/> of memory for the actor's lifetime.</summary>
    /// <param name="bytes">Memory in bytes.</param>
    public ActorBuilder<T> WithMemory(long bytes) => WithOptions(Options with { MemoryBytes = bytes });

    /// <summary>Holds <paramref name="amount"/> of custom resource <paramref name="name"/> for the actor's lifetime.</summary>
    /// <param name="name">The resource.</param>
    /// <param name="amount">How much.</param>
    public ActorBuilder<T> WithResource(string name, double amount) =>
        WithOptions(Options with { CustomResources = new Dictionary<string, double>(Options.CustomResources ?? new Dictionary<string, double>()) { [name] = amount } });

    /// <summary>Lets up to <paramref name="maxConcurrency"/> calls run at once.</summary>
    /// <param name="maxConcurrency">1 (the default) runs calls one at a time.</param>
    public ActorBuilder<T> WithMaxConcurrency(int maxConcurrency) =>
        maxConcurrency >= 1
            ? WithOptions(Options with { MaxConcurrency = maxConcurrency })
            : throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "MaxConcurrency must be 1 or more.");

    /// <summary>Places the actor with <paramref name="strategy"/> (default, spread, node affinity or a placement group).</summary>
    /// <param name="strategy">The scheduling strategy.</param>
    public ActorBuilder<T> WithSchedulingStrategy(SchedulingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return WithOptions(Options with { SchedulingStrategy = strategy });
    }

    /// <summary>Creates the actor in a bundle of <paramref name="placementGroup"/>, holding the bundle's reserved resources.</summary>
    /// <param name="placementGroup">The group.</param>
    /// <param name="bundleIndex">The bundle, or -1 (the default) for any bundle that can hold the actor.</param>
    public ActorBuilder<T> WithPlacementGroup(PlacementGroup placementGroup, int bundleIndex = -1) =>
        WithSchedulingStrategy(new PlacementGroupSchedulingStrategy(placementGroup, bundleIndex));

    /// <summary>Runs the actor in its own worker process (<see cref="IsolationMode.Process"/>) or in the node's process.</summary>
    /// <param name="isolation">Where the actor runs.</param>
    public ActorBuilder<T> WithIsolation(IsolationMode isolation = IsolationMode.Process) => WithOptions(Options with { Isolation = isolation });

    /// <summary>Restarts the actor's process up to <paramref name="maxRestarts"/> times after it dies.</summary>
    /// <param name="maxRestarts">0 never restarts; -1 restarts without limit.</param>
    public ActorBuilder<T> WithMaxRestarts(int maxRestarts) =>
        maxRestarts >= -1
            ? WithOptions(Options with { MaxRestarts = maxRestarts })
            : throw new ArgumentOutOfRangeException(nameof(maxRestarts), maxRestarts, "MaxRestarts must be -1 (no limit) or more.");

    /// <summary>Sends calls in flight when the actor's process died again, up to <paramref name="maxTaskRetries"/> times each.</summary>
    /// <param name="maxTaskRetries">0 gives at-most-once calls; above 0 or -1 (no limit) at-least-once.</param>
    public ActorBuilder<T> WithMaxTaskRetries(int maxTaskRetries) =>
        maxTaskRetries >= -1
            ? WithOptions(Options with { MaxTaskRetries = maxTaskRetries })
            : throw new ArgumentOutOfRangeException(nameof(maxTaskRetries), maxTaskRetries, "MaxTaskRetries must be -1 (no limit) or more.");

    /// <summary>Creates the actor (or finds it, with <see cref="GetIfExists"/>). Calls may be made at once; they wait for the constructor.</summary>
    /// <exception cref="ResourcesInfeasibleException">The actor asks for more than the node (or its placement-group bundle) has.</exception>
    /// <exception cref="TaskUnschedulableException">A hard node affinity names an unknown node.</exception>
    public ActorHandle<T> Remote()
    {
        var owner = $"Actor '{Options.Name ?? typeof(T).Name}'";
        var shape = ResourceShape.From(Options.Cpus, Options.Gpus, Options.MemoryBytes, Options.CustomResources, owner);
        if (_runtime.Scheduler.Pool.Infeasibility(shape) is { } problem)
        {
            throw _runtime.Infeasible(owner, shape, problem);
        }

        var placement = Scheduling.PlacementResolver.Resolve(_runtime, Options.SchedulingStrategy, shape, owner);
        return ActorDirectory.Handle<T>(_runtime.Actors.Create(_factory, Options, shape, placement));
    }
}
