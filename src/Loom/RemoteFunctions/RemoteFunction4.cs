namespace Loom;

/// <summary>
/// A function that runs as a Loom task. Call <see cref="Remote(Arg{T1}, Arg{T2}, Arg{T3}, Arg{T4})"/> to submit it;
/// the <c>With…</c> methods return a copy with other options.
/// </summary>
/// <typeparam name="T1">The type of the first parameter.</typeparam>
/// <typeparam name="T2">The type of the second parameter.</typeparam>
/// <typeparam name="T3">The type of the third parameter.</typeparam>
/// <typeparam name="T4">The type of the fourth parameter.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class RemoteFunction<T1, T2, T3, T4, TResult>
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
    /// <param name="arg2">The second argument: a value, or an ObjectRef resolved before the call.</param>
    /// <param name="arg3">The third argument: a value, or an ObjectRef resolved before the call.</param>
    /// <param name="arg4">The fourth argument: a value, or an ObjectRef resolved before the call.</param>
    /// <exception cref="ResourcesInfeasibleException">The task asks for more than the node (or its placement-group bundle) has.</exception>
    /// <exception cref="TaskUnschedulableException">A hard node affinity names an unknown node.</exception>
    public ObjectRef<TResult> Remote(Arg<T1> arg1, Arg<T2> arg2, Arg<T3> arg3, Arg<T4> arg4) => _template.Submit<TResult>([_template.Arg(arg1), _template.Arg(arg2), _template.Arg(arg3), _template.Arg(arg4)]);

    /// <summary>A copy of this function with other options.</summary>
    /// <param name="options">The options to use.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithOptions(TaskOptions options) => new(_template.With(options));

    /// <summary>A copy that holds <paramref name="cpus"/> CPUs while it runs.</summary>
    /// <param name="cpus">CPUs, fractional allowed.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithCpus(double cpus) => WithOptions(Options with { Cpus = cpus });

    /// <summary>A copy that holds <paramref name="gpus"/> GPUs while it runs.</summary>
    /// <param name="gpus">GPUs: below 1 shares a GPU; 1 or more must be whole.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithGpus(double gpus) => WithOptions(Options with { Gpus = gpus });

    /// <summary>A copy that reserves <paramref name="bytes"/> of memory while it runs.</summary>
    /// <param name="bytes">Memory in bytes.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithMemory(long bytes) => WithOptions(Options with { MemoryBytes = bytes });

    /// <summary>A copy that also holds <paramref name="amount"/> of the custom resource <paramref name="name"/>.</summary>
    /// <param name="name">The custom resource's name.</param>
    /// <param name="amount">How much of it.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithResource(string name, double amount) =>
        WithOptions(Options with { CustomResources = new Dictionary<string, double>(Options.CustomResources ?? new Dictionary<string, double>()) { [name] = amount } });

    /// <summary>A copy with another name in errors, logs and status.</summary>
    /// <param name="name">The name.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithName(string name) => WithOptions(Options with { Name = name });

    /// <summary>A copy that re-runs the task up to <paramref name="maxRetries"/> times after a retryable failure.</summary>
    /// <param name="maxRetries">Retries (-1 without limit, 0 never); see <see cref="TaskOptions.MaxRetries"/>.</param>
    /// <param name="retryExceptions">Which exceptions of the task's own code are retried; null keeps the current policy.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithRetries(int maxRetries, ExceptionRetryPolicy? retryExceptions = null) =>
        maxRetries >= -1
            ? WithOptions(Options with { MaxRetries = maxRetries, RetryExceptions = retryExceptions ?? Options.RetryExceptions })
            : throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "MaxRetries must be -1 (no limit) or more.");

    /// <summary>A copy that runs in a separate worker process (<see cref="IsolationMode.Process"/>) or in the node's process.</summary>
    /// <param name="isolation">Where the task runs.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithIsolation(IsolationMode isolation = IsolationMode.Process) => WithOptions(Options with { Isolation = isolation });

    /// <summary>A copy placed with <paramref name="strategy"/> (default, spread, node affinity or a placement group).</summary>
    /// <param name="strategy">The scheduling strategy.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithSchedulingStrategy(SchedulingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return WithOptions(Options with { SchedulingStrategy = strategy });
    }

    /// <summary>A copy that runs in a bundle of <paramref name="placementGroup"/>, on the bundle's reserved resources.</summary>
    /// <param name="placementGroup">The group.</param>
    /// <param name="bundleIndex">The bundle, or -1 (the default) for any bundle that can hold the task.</param>
    public RemoteFunction<T1, T2, T3, T4, TResult> WithPlacementGroup(PlacementGroup placementGroup, int bundleIndex = -1) =>
        WithSchedulingStrategy(new PlacementGroupSchedulingStrategy(placementGroup, bundleIndex));
}

/// <summary>The body of a 4-parameter remote function.</summary>
internal sealed class FunctionBody<T1, T2, T3, T4, TResult> : Worker.TaskBody<TResult>
{
    private readonly Func<T1, T2, T3, T4, ValueTask<TResult>> _function;

    public FunctionBody(Delegate original, Func<T1, T2, T3, T4, ValueTask<TResult>> function)
        : base(original)
    {
        _function = function;
    }

    protected override ValueTask<TResult> Invoke(Worker.TaskSpec spec) => _function(spec.Arg<T1>(0), spec.Arg<T2>(1), spec.Arg<T3>(2), spec.Arg<T4>(3));
}
