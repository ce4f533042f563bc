namespace Loom;

/// <summary>Where a task or actor runs.</summary>
public enum IsolationMode
{
    /// <summary>On the node's thread pool, inside the node's own process (the default).</summary>
    InProcess,

    /// <summary>
    /// In a separate <c>loom worker</c> process started by the node, with its GPU ids in
    /// <c>CUDA_VISIBLE_DEVICES</c>. A crash of that process fails the work with
    /// <see cref="WorkerCrashedException"/> instead of taking the node down.
    /// </summary>
    Process,
}
