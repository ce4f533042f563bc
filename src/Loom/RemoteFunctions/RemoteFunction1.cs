namespace Loom;

/// <summary>
/// A function that runs as a Loom task. Call <see cref="Remote(Arg{T1})"/> to submit it;
/// the <c>With…</c> methods return a copy with other options.
/// </summary>
/// <typeparam name="T1">The type of the first parameter.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class RemoteFunction<T1, TResult>
{
    private readonly Worker.TaskTemplate _template;

    internal RemoteFunction(Worker.TaskTemplate template)
    {
        _template = template;
    }

    /// <summary>The options every submission of this function uses.</summary>
    public TaskOptions Options => _template.Options;

    /// <summary>Submits the task and returns the ObjectRef of its result at once.</summary>
    /// <param name="arg1">The first argument: a value, or an ObjectRef resolved before the call.</param>
    /// <exception cref="ResourcesInfeasibleException">The task asks for more than the node (or its placement-group bundle) has.</exception>
    /// <exception cref="TaskUnschedulableException">A hard node affinity names an unknown node.</exception>
    public ObjectRef<TResult> Remote(Arg<T1> arg1) => _template.Submit<TResult>([_template.Arg(arg1)]);

    /// <summary>A copy of this function with other options.</summary>
    /// <param name="options">The options to use.</param>
    public RemoteFunction<T1, TResult> WithOptions(TaskOptions options) => new(_template.With(options));

    /// <summary>A copy that holds <paramref name="cpus"/> CPUs while it runs.</summary>
    /// <param name="cpus">CPUs, fractional allowed.</param>
    public RemoteFunction<T1, TResult> WithCpus(double cpus) => WithOptions(Options with { Cpus = cpus });

    /// <summary>A copy that holds <paramref name="gpus"/> GPUs while it runs.</summary>
    /// <param name="gpus">GPUs: below 1 shares a GPU; 1 or more must be whole.</param>
    public RemoteFunction<T1, TResult> WithGpus(double gpus) => WithOptions(Options with { Gpus = gpus });

    /// <summary>A copy that reserves <paramref name="bytes"/> of memory while it runs.</summary>
    /// <param name="bytes">Memory in bytes.</param>
    public RemoteFunction<T1, TResult> WithMemory(long bytes) => WithOptions(Options with { MemoryBytes = bytes });

    /// <summary>A copy that also holds <paramref name="amount"/> of the custom resource <paramref name="name"/>.</summary>
    /// <param name="name">The custom resource's name.</param>
    /// <param name="amount">How much of it.</param>
    public RemoteFunction<T1, TResult> WithResource(string name, double amount) =>
        WithOptions(Options with { CustomResources = new Dictionary<string, double>(Options.CustomResources ?? new Dictionary<string, double>()) { [name] = amount } });

    /// <summary>A copy with another name in errors, logs and status.</summary>
    /// <param name="name">The name.</param>
    public RemoteFunction<T1, TResult> WithName(string name) => WithOptions(Options with { Name = name });

    /// <summary>A copy that re-runs the task up to <paramref name="maxRetries"/> times after a retryable failure.</summary>
    /// <param name="maxRetries">Retries (-1 without limit, 0 never); see <see cref="TaskOptions.MaxRetries"/>.</param>
    /// <param name="retryExceptions">Which exceptions of the task's own code are retried; null keeps the current policy.</param>
    public RemoteFunction<T1, TResult> WithRetries(int maxRetries, ExceptionRetryPolicy? retryExceptions = null) =>
        maxRetries >= -1
            ? WithOptions(Options with { MaxRetries = maxRetries, RetryExceptions = retryExceptions ?? Options.RetryExceptions })
            : throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "MaxRetries must be -1 (no limit) or more.");

    /// <summary>A copy that runs in a separate worker process (<see cref="IsolationMode.Process"/>) or in the node's process.</summary>
    /// <param name="isolation">Where the task runs.</param>
    public RemoteFunction<T1, TResult> WithIsolation(IsolationMode isolation = IsolationMode.Process) => WithOptions(Options with { Isolation = isolation });

    /// <summary>A copy placed with <paramref name="strategy"/> (default, spread, node affinity or a placement group).</summary>
    /// <param name="strategy">The scheduling strategy.</param>
    public RemoteFunction<T1, TResult> WithSchedulingStrategy(SchedulingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return WithOptions(Options with { SchedulingStrategy = strategy });
    }

    /// <summary>A copy that runs in a bundle of <paramref name="placementGroup"/>, on the bundle's reserved resources.</summary>
    /// <param name="placementGroup">The group.</param>
    /// <param name="bundleIndex">The bundle, or -1 (the default) for any bundle that can hold the task.</param>
    public RemoteFunction<T1, TResult> WithPlacementGroup(PlacementGroup placementGroup, int bundleIndex = -1) =>
        WithSchedulingStrategy(new PlacementGroupSchedulingStrategy(placementGroup, bundleIndex));
}

/// <summary>The body of a 1-parameter remote function.</summary>
internal sealed class FunctionBody<T1, TResult> : Worker.TaskBody<TResult>
{
    private readonly Func<T1, ValueTask<TResult>> _function;

    public FunctionBody(Delegate original, Func<T1, ValueTask<TResult>> function)
        : base(original)
    {
        _function = function;
    }

    protected override ValueTask<TResult> Invoke(Worker.TaskSpec spec) => _function(spec.Arg<T1>(0));
}
