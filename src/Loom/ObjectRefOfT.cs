using System.Runtime.CompilerServices;
using Loom.ObjectStore;
using Loom.Worker;

namespace Loom;

/// <summary>A typed reference to an object in the Loom object store; await it to get a copy of the value.</summary>
/// <typeparam name="T">The type of the referenced value.</typeparam>
public sealed class ObjectRef<T> : ObjectRef
{
    internal ObjectRef(CoreRuntime runtime, ObjectEntry entry)
        : base(runtime, entry)
    {
    }

    /// <summary>Gets a copy of the value, waiting for the task that makes it.</summary>
#pragma warning disable CA2012 // The ValueTask is consumed once, by the awaiter returned.
    public ValueTaskAwaiter<T> GetAwaiter() => Runtime.GetAsync(this, Timeout.InfiniteTimeSpan, CancellationToken.None).GetAwaiter();
#pragma warning restore CA2012

    /// <summary>Gets a copy of the value, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="GetTimeoutException">The object was not ready in time.</exception>
    /// <exception cref="TaskFailedException">The task that makes the object failed.</exception>
    public ValueTask<T> GetAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Runtime.GetAsync(this, timeout, cancellationToken);
}
