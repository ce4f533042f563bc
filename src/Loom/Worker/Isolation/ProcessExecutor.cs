using System.Collections.Concurrent;
using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>
/// Runs a task in a pooled worker process whose <c>CUDA_VISIBLE_DEVICES</c> matches the task's GPU
/// ids. Arguments go as their serialized bytes; ObjectRefs nested inside them are not supported yet.
/// </summary>
internal sealed class ProcessExecutor : ITaskExecutor
{
    private readonly WorkerPool _pool;
    private readonly ConcurrentDictionary<TaskSpec, WorkerProcess> _running = new();

    public ProcessExecutor(WorkerPool pool)
    {
        _pool = pool;
    }

    public async ValueTask<SerializedObject> RunAsync(TaskSpec spec)
    {
        var method = MethodRef.From(spec.Body.Method);
        var arguments = IsolatedArguments.Resolve(spec.Args.Select(a => a.Resolve()), spec.Name);
        var worker = await _pool.AcquireAsync(spec.Allocation.GpuIds).ConfigureAwait(false);
        _running[spec] = worker;
        try
        {
            var reply = await worker.CallAsync(WorkerRequestKind.RunTask, spec.Name, method, arguments).ConfigureAwait(false);
            return reply.Value ?? throw new LoomException(reply.Error!);
        }
        finally
        {
            _running.TryRemove(spec, out _);
            _pool.Return(worker);
        }
    }

    /// <summary>Kills the worker process running <paramref name="spec"/> (force-cancel); false if it runs in none.</summary>
    public bool TryKill(TaskSpec spec)
    {
        if (!_running.TryGetValue(spec, out var worker))
        {
            return false;
        }

        worker.Dispose();
        return true;
    }
}
