using Loom.ObjectStore;

namespace Loom.Worker;

/// <content>Getting and waiting for objects. A task that waits lends its CPUs to other work meanwhile.</content>
internal sealed partial class CoreRuntime
{
    public ValueTask<T> GetAsync<T>(ObjectRef<T> reference, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var entry = reference.LiveEntry;
        if (entry.IsCompleted && TryRead<T>(entry, out var value))
        {
            GC.KeepAlive(reference);
            return new ValueTask<T>(value);
        }

        return GetSlowAsync(reference, entry, timeout, cancellationToken);
    }

    public async ValueTask<T[]> GetAsync<T>(IReadOnlyList<ObjectRef<T>> references, TimeSpan timeout, CancellationToken cancellationToken)
    {
        List<Task>? pending = null;
        foreach (var reference in references)
        {
            var entry = reference.LiveEntry;
            if (!entry.IsCompleted)
            {
                (pending ??= []).Add(entry.WhenCompleted());
            }
        }

        if (pending is not null)
        {
            await WaitBlockedAsync(Task.WhenAll(pending), pending.Count, timeout, cancellationToken).ConfigureAwait(false);
        }

        var values = new T[references.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var entry = references[i].LiveEntry;
            while (!TryRead(entry, out values[i]))
            {
                // Lost and being reconstructed: wait for it again.
                await WaitBlockedAsync(entry.WhenCompleted(), 1, timeout, cancellationToken).ConfigureAwait(false);
            }
        }

        GC.KeepAlive(references);
        return values;
    }

    public async Task<WaitResult<T>> WaitAsync<T>(IReadOnlyList<ObjectRef<T>> references, int numReturns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (numReturns < 1 || numReturns > references.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(numReturns), numReturns, $"numReturns must be between 1 and the number of refs ({references.Count}).");
        }

        var alreadyReady = 0;
        List<ObjectRef<T>>? notReady = null;
        foreach (var reference in references)
        {
            if (reference.LiveEntry.IsCompleted)
            {
                alreadyReady++;
            }
            else
            {
                (notReady ??= []).Add(reference);
            }
        }

        // Only when too few are ready does the wait register with the pending objects.
        var waiter = new CountdownWaiter(numReturns - alreadyReady);
        if (alreadyReady < numReturns)
        {
            foreach (var reference in notReady!)
            {
                reference.LiveEntry.OnCompleted(waiter);
            }
        }

        if (alreadyReady < numReturns && !waiter.Done.IsCompleted)
        {
            try
            {
                await WaitBlockedAsync(waiter.Done, numReturns, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (GetTimeoutException)
            {
                // A wait that times out returns what is ready so far.
            }
        }

        var ready = new List<ObjectRef<T>>(numReturns);
        var pending = new List<ObjectRef<T>>(references.Count - numReturns);
        foreach (var reference in references)
        {
            (reference.IsCompleted && ready.Count < numReturns ? ready : pending).Add(reference);
        }

        return new WaitResult<T>(ready, pending);
    }

    private async ValueTask<T> GetSlowAsync<T>(ObjectRef<T> reference, ObjectEntry entry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        T value;
        do
        {
            // Waits again if the object was lost and went back to pending for reconstruction.
            await WaitBlockedAsync(entry.WhenCompleted(), 1, timeout, cancellationToken).ConfigureAwait(false);
        }
        while (!TryRead(entry, out value));

        GC.KeepAlive(reference);
        return value;
    }

    /// <summary>Waits for <paramref name="completion"/>; a task lends its CPUs while it waits and takes them back after.</summary>
    private async Task WaitBlockedAsync(Task completion, int pending, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var context = LoomContext.CurrentOrNull;
        var lend = context is { LendsCpuWhileWaiting: true } && ReferenceEquals(context.Runtime, this);
        if (lend)
        {
            Scheduler.Lend(context!.Allocation);
        }

        try
        {
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await completion.WaitAsync(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            throw new GetTimeoutException(timeout, pending);
        }
        finally
        {
            if (lend)
            {
                await Scheduler.ReclaimAsync(context!.Allocation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Completes <see cref="Done"/> once a number of objects have completed.</summary>
    private sealed class CountdownWaiter(int count) : IObjectWaiter
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task Done => _done.Task;

        public void OnObjectCompleted(ObjectEntry entry)
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
