using Loom.Worker.Isolation;

namespace Loom.Worker;

/// <summary>Picks where each task runs (<see cref="TaskBody.Isolation"/>) and owns the node's worker processes.</summary>
internal sealed class TaskExecutors : IDisposable
{
    private readonly ProcessExecutor _process;

    public TaskExecutors(LocalClusterOptions options)
    {
        Pool = new WorkerPool(new WorkerLauncher(options.WorkerCommand));
        _process = new ProcessExecutor(Pool);
    }

    /// <summary>Every worker process of the node: pooled task workers and actor processes.</summary>
    public WorkerPool Pool { get; }

    public ITaskExecutor For(TaskSpec spec) =>
        spec.Body.Isolation == IsolationMode.Process ? _process : InProcessExecutor.Instance;

    /// <summary>Kills the worker process running an isolated task (force-cancel); false if there is none.</summary>
    public bool TryKill(TaskSpec spec) => _process.TryKill(spec);

    public void Dispose() => Pool.Dispose();
}
