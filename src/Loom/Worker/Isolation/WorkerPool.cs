using System.Collections.Concurrent;

namespace Loom.Worker.Isolation;

/// <summary>
/// The node's worker processes: idle ones pooled by GPU-id set (a process's
/// <c>CUDA_VISIBLE_DEVICES</c> is fixed when it starts), dedicated ones for actors. Dead processes
/// are dropped and replaced on demand; disposal kills every process the pool started.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly WorkerLauncher _launcher;
    private readonly ConcurrentDictionary<int, WorkerProcess> _all = new();
    private readonly Dictionary<string, Stack<WorkerProcess>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _started = new();
    private readonly int _maxIdlePerKey = Math.Max(4, Environment.ProcessorCount);
    private volatile bool _disposed;

    public WorkerPool(WorkerLauncher launcher)
    {
        _launcher = launcher;
    }

    /// <summary>The ids of every process this pool started, dead or alive.</summary>
    public IReadOnlyCollection<int> StartedProcessIds => _started;

    /// <summary>An idle worker for these GPU ids, or a new one.</summary>
    public async Task<WorkerProcess> AcquireAsync(int[] gpuIds)
    {
        var key = WorkerLauncher.GpuKey(gpuIds);
        lock (_idle)
        {
            if (_idle.TryGetValue(key, out var stack))
            {
                while (stack.TryPop(out var idle))
                {
                    if (idle.IsAlive)
                    {
                        return idle;
                    }
                }
            }
        }

        return await StartAsync(gpuIds).ConfigureAwait(false);
    }

    /// <summary>Takes a worker back after a task; a dead one is dropped (the next task starts a new one).</summary>
    public void Return(WorkerProcess worker)
    {
        if (worker.IsAlive && !_disposed)
        {
            lock (_idle)
            {
                if (!_idle.TryGetValue(worker.GpuKey, out var stack))
                {
                    _idle[worker.GpuKey] = stack = new Stack<WorkerProcess>();
                }

                if (stack.Count < _maxIdlePerKey)
                {
                    stack.Push(worker);
                    return;
                }
            }
        }

        worker.Dispose();
    }

    /// <summary>Starts a worker that is not pooled (an actor's process).</summary>
    public async Task<WorkerProcess> StartAsync(int[] gpuIds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = await WorkerProcess.StartAsync(_launcher, gpuIds).ConfigureAwait(false);
        _started.Enqueue(worker.ProcessId);
        _all[worker.ProcessId] = worker;
        _ = worker.Exited.ContinueWith(_ => _all.TryRemove(worker.ProcessId, out var _), TaskScheduler.Default);
        if (_disposed)
        {
            worker.Dispose();
            throw new ObjectDisposedException(nameof(WorkerPool), "The node stopped while a worker process was starting.");
        }

        return worker;
    }

    /// <summary>Kills every worker process and waits until they are gone.</summary>
    public void Dispose()
    {
        _disposed = true;
        var workers = _all.Values.ToArray();
        foreach (var worker in workers)
        {
            worker.Dispose();
        }

        Task.WaitAll([.. workers.Select(w => w.Exited)], TimeSpan.FromSeconds(30));
    }
}
