namespace Loom.Cli.Microbenchmark;

/// <summary>A workload ready to time: <see cref="Operation"/> runs once per call; <see cref="Cleanup"/> tears it down.</summary>
internal sealed class PreparedWorkload : IAsyncDisposable
{
    private readonly Func<ValueTask>? _cleanup;

    public PreparedWorkload(Func<Task> operation, Func<ValueTask>? cleanup = null)
    {
        Operation = operation;
        _cleanup = cleanup;
    }

    public Func<Task> Operation { get; }

    public static Task<PreparedWorkload> Of(Func<Task> operation, Func<ValueTask>? cleanup = null) =>
        Task.FromResult(new PreparedWorkload(operation, cleanup));

    public ValueTask DisposeAsync() => _cleanup?.Invoke() ?? ValueTask.CompletedTask;
}
