using System.Collections.Concurrent;
using Loom.Node;
using Loom.ObjectStore;
using Loom.Worker;

namespace Loom.Actors;

/// <summary>
/// A live actor on this node: its object, the resources it holds for life, and its mailbox. Calls run
/// in submission order; with MaxConcurrency 1 one at a time (an async call finishes before the next
/// starts), above 1 up to that many at once.
/// </summary>
internal sealed class ActorInstance : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<ActorCall> _mailbox = new();
    private readonly ConcurrentDictionary<ActorCall, byte> _inFlight = new();
    private readonly Lock _dispatchGate = new();
    private volatile ActorState _state = ActorState.Pending;
    private int _scheduled;
    private int _running;
    private int _disposed;
    private ErrorInfo? _death;

    public ActorInstance(CoreRuntime runtime, ActorId id, ActorFactory factory, ActorOptions options, ResourceShape shape)
    {
        Runtime = runtime;
        Id = id;
        Factory = factory;
        Options = options;
        Shape = shape;
        DisplayName = options.Name ?? $"{factory.ActorType.Name}({id})";
    }

    public CoreRuntime Runtime { get; }

    public ActorId Id { get; }

    public ActorFactory Factory { get; }

    public ActorOptions Options { get; }

    public ResourceShape Shape { get; }

    public string DisplayName { get; }

    public ActorState State => _state;

    public object? Instance { get; private set; }

    public ResourceAllocation Allocation { get; private set; } = ResourceAllocation.None;

    public void Post(ActorCall call)
    {
        _mailbox.Enqueue(call);
        switch (_state)
        {
            case ActorState.Alive:
                Dispatch();
                break;
            case ActorState.Dead:
                FailQueued();
                break;
        }
    }

    /// <summary>Called by the creation work once the constructor returned.</summary>
    public void OnCreated(object instance, ResourceAllocation allocation)
    {
        lock (_dispatchGate)
        {
            Instance = instance;
            Allocation = allocation;
            if (_state == ActorState.Dead)
            {
                Runtime.Scheduler.Release(allocation);
                Allocation = ResourceAllocation.None;
                return;
            }

            _state = ActorState.Alive;
        }

        Dispatch();
    }

    /// <summary>Marks the actor dead with <paramref name="cause"/>, fails queued calls and returns its resources.</summary>
    public void Die(ErrorInfo cause)
    {
        ResourceAllocation allocation;
        lock (_dispatchGate)
        {
            if (_state == ActorState.Dead)
            {
                return;
            }

            _death = cause;
            _state = ActorState.Dead;
            allocation = Allocation;
            Allocation = ResourceAllocation.None;
        }

        CoreRuntime.Log.ActorDied(Runtime.Logger, DisplayName, Id, cause.Message);
        Runtime.Actors.Forget(this);
        Factory.Release();
        Runtime.Scheduler.Release(allocation);
        DisposeInstanceWhenIdle();
        FailQueued();

        // Calls still running cannot be stopped, but their getters must not wait for them.
        foreach (var call in _inFlight.Keys)
        {
            call.Result.Fail(cause);
        }
    }

    /// <summary>Records a call that started running, so that the actor's death fails its getters at once.</summary>
    public void Started(ActorCall call) => _inFlight.TryAdd(call, 0);

    /// <summary>Forgets a call that finished.</summary>
    public void Ended(ActorCall call)
    {
        _inFlight.TryRemove(call, out _);
        if (_state == ActorState.Dead)
        {
            DisposeInstanceWhenIdle();
        }
    }

    /// <summary>
    /// Disposes a dead actor's object once no call runs on it any more (never under a running call).
    /// An actor in a worker process is stopped at once: killing its process is what ends its calls.
    /// </summary>
    private void DisposeInstanceWhenIdle()
    {
        if ((_inFlight.IsEmpty || Instance is IsolatedActor) && Instance is IDisposable disposable && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            disposable.Dispose();
        }
    }

    public ErrorInfo DeathError(string reason, ErrorInfo? cause) =>
        new(ErrorKind.ActorDied, DisplayName, typeof(ActorDiedException).FullName!, $"The actor '{DisplayName}' died: {reason}.", null, cause, DisplayName);

    void IThreadPoolWorkItem.Execute() => RunSequential();

    private void Dispatch()
    {
        if (Options.MaxConcurrency <= 1)
        {
            if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }

            return;
        }

        while (true)
        {
            ActorCall? call;
            lock (_dispatchGate)
            {
                if (_state != ActorState.Alive || _running >= Options.MaxConcurrency || !_mailbox.TryDequeue(out call))
                {
                    return;
                }

                _running++;
            }

            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Actor.RunConcurrentAsync(state.Call), (Actor: this, Call: call), preferLocal: false);
        }
    }

    private async Task RunConcurrentAsync(ActorCall call)
    {
        await call.RunAsync(this).ConfigureAwait(false);
        lock (_dispatchGate)
        {
            _running--;
        }

        Dispatch();
    }

    private void RunSequential()
    {
        const int Batch = 512;
        for (var processed = 0; processed < Batch; processed++)
        {
            if (_state != ActorState.Alive || !_mailbox.TryDequeue(out var call))
            {
                Volatile.Write(ref _scheduled, 0);
                if (_state == ActorState.Alive && !_mailbox.IsEmpty)
                {
                    Dispatch();
                }

                return;
            }

            var run = call.RunAsync(this);
            if (!run.IsCompleted)
            {
                _ = ContinueAfterAsync(run);
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private async Task ContinueAfterAsync(ValueTask run)
    {
        await run.ConfigureAwait(false);
        RunSequential();
    }

    private void FailQueued()
    {
        var error = _death!;
        while (_mailbox.TryDequeue(out var call))
        {
            call.Fail(Runtime, error);
        }
    }
}
