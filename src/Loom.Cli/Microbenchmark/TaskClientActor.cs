namespace Loom.Cli.Microbenchmark;

/// <summary>An actor that submits tasks itself, through <see cref="LoomContext.Cluster"/> ("multi client tasks async").</summary>
internal sealed class TaskClientActor
{
    private RemoteFunction<byte[]>? _small;

    public async Task<int> SubmitAndGetAsync(int tasks)
    {
        var cluster = LoomContext.Current.Cluster;
        _small ??= cluster.Task<byte[]>(BenchmarkTasks.Small);
        var refs = new ObjectRef<byte[]>[tasks];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = _small.Remote();
        }

        await cluster.GetAsync(refs).ConfigureAwait(false);
        RefBatch.DisposeAll(refs);
        return tasks;
    }
}
