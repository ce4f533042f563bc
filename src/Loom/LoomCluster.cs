using System.Linq.Expressions;
using Loom.Actors;
using Loom.Worker;

namespace Loom;

/// <summary>
/// A Loom cluster: submit tasks, create actors, put and get objects. <see cref="StartLocalAsync"/>
/// runs a one-node cluster inside this process; the same API drives a multi-node cluster.
/// Dispose it to stop everything.
/// </summary>
public sealed partial class LoomCluster : IAsyncDisposable, IDisposable
{
    private LoomCluster(LocalClusterOptions options)
    {
        Runtime = new CoreRuntime(this, options);
    }

    /// <summary>The name of the node this handle runs on.</summary>
    public string NodeId => Runtime.NodeName;

    internal CoreRuntime Runtime { get; }

    /// <summary>Starts an embedded one-node cluster sized by <paramref name="options"/> (or by the machine).</summary>
    /// <param name="options">CPUs, GPUs, memory, custom resources and object store size; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cluster.</returns>
    public static Task<LoomCluster> StartLocalAsync(LocalClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return System.Threading.Tasks.Task.FromResult(StartLocal(options));
    }

    /// <summary>Starts an embedded one-node cluster synchronously (for dependency injection factories).</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The running cluster.</returns>
    public static LoomCluster StartLocal(LocalClusterOptions? options = null) => new(options ?? new LocalClusterOptions());

    /// <summary>Copies <paramref name="value"/> into the object store and returns its ref.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; later changes to it are not seen by getters.</param>
    /// <exception cref="LoomSerializationException">The type cannot be serialized.</exception>
    /// <exception cref="ObjectStoreFullException">The store has no room for the value.</exception>
    public ObjectRef<T> Put<T>(T value) => Runtime.Put(value);

    /// <summary>Gets a copy of an object's value, waiting for it at most <paramref name="timeout"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="reference">The object.</param>
    /// <param name="timeout">How long to wait; null waits without limit.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="GetTimeoutException">The object was not ready in time.</exception>
    /// <exception cref="TaskFailedException">The task making the object failed.</exception>
    public ValueTask<T> GetAsync<T>(ObjectRef<T> reference, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Runtime.GetAsync(reference, timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>Gets copies of many objects' values, in order, waiting for all of them at most <paramref name="timeout"/>.</summary>
    /// <typeparam name="T">The values' type.</typeparam>
    /// <param name="references">The objects.</param>
    /// <param name="timeout">How long to wait for all of them; null waits without limit.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="GetTimeoutException">Some object was not ready in time.</exception>
    /// <exception cref="TaskFailedException">A task making one of the objects failed.</exception>
    public ValueTask<T[]> GetAsync<T>(IEnumerable<ObjectRef<T>> references, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        return Runtime.GetAsync(references as IReadOnlyList<ObjectRef<T>> ?? [.. references], timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="numReturns"/> of the objects are ready (or failed), or the timeout
    /// passes, and splits the refs into ready and pending, keeping their order.
    /// </summary>
    /// <typeparam name="T">The values' type.</typeparam>
    /// <param name="references">The objects.</param>
    /// <param name="numReturns">How many ready objects to wait for (default 1).</param>
    /// <param name="timeout">How long to wait; null waits without limit. On timeout, whatever is ready is returned.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<WaitResult<T>> WaitAsync<T>(IEnumerable<ObjectRef<T>> references, int numReturns = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        return Runtime.WaitAsync(references as IReadOnlyList<ObjectRef<T>> ?? [.. references], numReturns, timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>Starts describing an actor created by <paramref name="constructor"/>, such as <c>() =&gt; new Counter(10)</c>.</summary>
    /// <typeparam name="T">The actor's class.</typeparam>
    /// <param name="constructor">A <c>new</c> expression or a static factory call; its arguments are evaluated now and copied.</param>
    /// <returns>A builder: set options, then call <see cref="ActorBuilder{T}.Remote"/>.</returns>
    public ActorBuilder<T> Actor<T>(Expression<Func<T>> constructor)
        where T : class =>
        new(Runtime, ActorFactory.From(constructor, Runtime.Serializer), ActorOptions.Default);

    /// <summary>Finds a named actor.</summary>
    /// <typeparam name="T">The actor's class (or a base class or interface of it).</typeparam>
    /// <param name="name">The actor's name.</param>
    /// <param name="actorNamespace">Its namespace; null for <c>"default"</c>.</param>
    /// <exception cref="KeyNotFoundException">No live actor has that name.</exception>
    public ActorHandle<T> GetActor<T>(string name, string? actorNamespace = null)
        where T : class =>
        Runtime.Actors.Get<T>(actorNamespace ?? "default", name);

    /// <summary>
    /// Cancels the task (or queued actor call) that makes <paramref name="reference"/>'s object. Getters see
    /// <see cref="TaskCancelledException"/> at once. A task still waiting for arguments or resources never runs;
    /// a running one has its <see cref="LoomContext.CancellationToken"/> signalled (its result, if it still
    /// returns one, is dropped). A cancelled task is never retried.
    /// </summary>
    /// <param name="reference">The result of the task to cancel.</param>
    /// <param name="force">Kill the worker process of an isolated task (not possible for tasks in this process).</param>
    /// <param name="recursive">Also cancel the tasks the task submitted (default true).</param>
    /// <returns>True if the work was cancelled; false if it had already finished or been cancelled.</returns>
    public bool Cancel(ObjectRef reference, bool force = false, bool recursive = true)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!ReferenceEquals(reference.Runtime, Runtime))
        {
            throw new ArgumentException($"{reference} belongs to another Loom cluster; cancel it through that cluster.", nameof(reference));
        }

        return CoreRuntime.Cancel(reference, force, recursive);
    }

    /// <summary>A snapshot of resources, tasks, actors and the object store.</summary>
    public ClusterStatus GetStatus() => Runtime.Status();

    /// <summary>Stops the cluster: queued work fails with a shutdown error, actors die, running tasks are awaited.</summary>
    public async ValueTask DisposeAsync() => await Runtime.StopAsync().ConfigureAwait(false);

    /// <summary>Stops the cluster, blocking until running tasks end (see <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => Runtime.StopAsync().GetAwaiter().GetResult();
}
