using Loom.Node;
using Loom.ObjectStore;
using Loom.Serialization;
using Loom.Worker;
using Loom.Worker.Isolation;

namespace Loom.Actors;

/// <summary>
/// An actor living in its own worker process, which holds the actor's GPUs for its lifetime. When
/// the process dies the actor is restarted (its constructor re-run in a new process) up to
/// <see cref="ActorOptions.MaxRestarts"/> times; a call in flight is sent again up to
/// <see cref="ActorOptions.MaxTaskRetries"/> times, else it fails with an actor-died error. It is
/// the <see cref="ActorInstance.Instance"/> of such an actor, and disposing it kills the process.
/// </summary>
internal sealed class IsolatedActor : IDisposable
{
    private readonly ActorInstance _actor;
    private readonly ResourceAllocation _allocation;
    private readonly MethodRef _constructor;
    private readonly SerializedObject[] _arguments;
    private readonly string _constructorName;
    private readonly Lock _gate = new();
    private Task<WorkerProcess?> _ready = Task.FromResult<WorkerProcess?>(null);
    private WorkerProcess? _process;
    private int _generation;
    private int _deaths;
    private bool _created;
    private bool _disposed;
    private ErrorInfo? _death;

    private IsolatedActor(ActorInstance actor, ResourceAllocation allocation)
    {
        _actor = actor;
        _allocation = allocation;
        _constructorName = $"{actor.DisplayName}.ctor";
        _constructor = MethodRef.From(actor.Factory.Method);
        _arguments = IsolatedArguments.Resolve(actor.Factory.Arguments, _constructorName);
    }

    public static bool Applies(ActorInstance actor) =>
        (actor.Options.Isolation ?? actor.Runtime.Options.DefaultIsolation) == IsolationMode.Process;

    /// <summary>Starts the actor's process and runs its constructor there; the actor turns alive when it returns.</summary>
    public static void Start(ActorInstance actor, ResourceAllocation allocation)
    {
        IsolatedActor isolated;
        try
        {
            isolated = new IsolatedActor(actor, allocation);
        }
        catch (NotSupportedException unsupported)
        {
            actor.Runtime.Scheduler.Release(allocation);
            actor.Die(actor.DeathError($"it cannot run in a worker process: {unsupported.Message}", ErrorInfo.FromException($"{actor.DisplayName}.ctor", unsupported)));
            return;
        }

        lock (isolated._gate)
        {
            isolated._ready = isolated.LaunchAsync(0);
        }
    }

    /// <summary>Runs one call in the actor's process; the returned task completes when its result is stored. Never throws.</summary>
    public async ValueTask RunAsync(ActorCall call)
    {
        var runtime = _actor.Runtime;
        MethodRef method;
        SerializedObject[] arguments;
        try
        {
            method = MethodRef.From(call.Method.Method);
            arguments = IsolatedArguments.Resolve(call.Arguments, call.Method.Name);
        }
        catch (NotSupportedException unsupported)
        {
            call.FailRunning(runtime, ErrorInfo.FromException(call.Method.Name, unsupported));
            return;
        }

        var retries = 0;
        while (true)
        {
            int generation;
            Task<WorkerProcess?> ready;
            lock (_gate)
            {
                if (Death() is { } death)
                {
                    call.FailRunning(runtime, death);
                    return;
                }

                generation = _generation;
                ready = _ready;
            }

            // Null: this generation's process died or never came up; the state has moved on already.
            if (await ready.ConfigureAwait(false) is not { } process)
            {
                continue;
            }

            try
            {
                var reply = await process.CallAsync(WorkerRequestKind.CallActor, call.Method.Name, method, arguments).ConfigureAwait(false);
                if (reply.Value is { } value)
                {
                    call.Succeed(runtime, value);
                }
                else
                {
                    call.FailRunning(runtime, reply.Error!);
                }

                return;
            }
            catch (WorkerCrashedException crash)
            {
                OnCrash(generation, crash);
                var maxRetries = _actor.Options.MaxTaskRetries;
                lock (_gate)
                {
                    if (Death() is null && (maxRetries == -1 || retries++ < maxRetries))
                    {
                        continue;
                    }
                }

                call.FailRunning(runtime, DeathOr(_actor.DeathError(
                    $"its worker process died while '{call.Method.Name}' was running and the call was not retried (MaxTaskRetries = {maxRetries})",
                    crash.Error)));
                return;
            }
        }
    }

    /// <summary>Kills the actor's process for good (the actor was killed or the node is stopping).</summary>
    public void Dispose()
    {
        WorkerProcess? process;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            process = _process;
        }

        process?.Dispose();
    }

    private ErrorInfo? Death() => _death ?? (_disposed ? _actor.DeathError("it was killed", null) : null);

    private ErrorInfo DeathOr(ErrorInfo fallback)
    {
        lock (_gate)
        {
            return Death() ?? fallback;
        }
    }

    /// <summary>Starts generation <paramref name="generation"/>'s process and constructor; null when it did not come up.</summary>
    private async Task<WorkerProcess?> LaunchAsync(int generation)
    {
        await Task.Yield();
        WorkerProcess process;
        try
        {
            process = await _actor.Runtime.Executors.Pool.StartAsync(_allocation.GpuIds).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is LoomException or ObjectDisposedException)
        {
            DieForGood($"its worker process could not start: {exception.Message}", ErrorInfo.FromException(_constructorName, exception));
            return null;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                process.Dispose();
                return null;
            }

            _process = process;
        }

        WorkerReply reply;
        try
        {
            reply = await process.CallAsync(WorkerRequestKind.CreateActor, _constructorName, _constructor, _arguments).ConfigureAwait(false);
        }
        catch (WorkerCrashedException crash)
        {
            OnCrash(generation, crash);
            return null;
        }

        if (reply.Error is { } error)
        {
            DieForGood($"its constructor threw {error.ExceptionType}: {error.Message}", error);
            return null;
        }

        if (!_created)
        {
            _created = true;
            _actor.OnCreated(this, _allocation);
            if (_actor.State == ActorState.Dead)
            {
                Dispose();
            }
        }

        return process;
    }

    /// <summary>Handles the death of generation <paramref name="generation"/>'s process, once: restart, or die for good.</summary>
    private void OnCrash(int generation, WorkerCrashedException crash)
    {
        var maxRestarts = _actor.Options.MaxRestarts;
        lock (_gate)
        {
            if (generation != _generation || _disposed || _death is not null)
            {
                return;
            }

            _deaths++;
            if (maxRestarts == -1 || _deaths <= maxRestarts)
            {
                _generation++;
                _process = null;
                CoreRuntime.Log.ActorRestarting(_actor.Runtime.Logger, _actor.DisplayName, _actor.Id, _deaths, maxRestarts, crash.Message);
                _ready = LaunchAsync(_generation);
                return;
            }
        }

        var times = _deaths == 1 ? "once" : $"{_deaths} times";
        DieForGood($"its worker process died {times} and its restarts are used up (MaxRestarts = {maxRestarts}); last: {crash.Message}", crash.Error);
    }

    private void DieForGood(string reason, ErrorInfo? cause)
    {
        var death = _actor.DeathError(reason, cause);
        bool created;
        lock (_gate)
        {
            _death ??= death;
            created = _created;
            _created = true;
        }

        if (!created)
        {
            // The actor never turned alive, so it does not hold the allocation yet.
            _actor.Runtime.Scheduler.Release(_allocation);
        }

        _actor.Die(death);
        Dispose();
    }
}
