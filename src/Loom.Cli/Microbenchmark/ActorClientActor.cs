namespace Loom.Cli.Microbenchmark;

/// <summary>An actor that calls other (named) actors and waits for all the results (the 1:n and n:n workloads).</summary>
internal sealed class ActorClientActor
{
    private readonly string[] _serverNames;
    private ActorHandle<SmallActor>[]? _servers;

    public ActorClientActor(string[] serverNames)
    {
        _serverNames = serverNames;
    }

    /// <summary>Calls every server <paramref name="callsPerServer"/> times, round-robin, then gets all results.</summary>
    public async Task<int> CallAllAsync(int callsPerServer)
    {
        var cluster = LoomContext.Current.Cluster;
        var servers = Servers(cluster);
        var refs = new ObjectRef<byte[]>[callsPerServer * servers.Length];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = servers[i % servers.Length].Call(s => s.Small());
        }

        await cluster.GetAsync(refs).ConfigureAwait(false);
        RefBatch.DisposeAll(refs);
        return refs.Length;
    }

    /// <summary>Like <see cref="CallAllAsync"/>, passing a freshly put object's ref as the argument of every call.</summary>
    public async Task<int> CallAllWithArgAsync(int callsPerServer)
    {
        var cluster = LoomContext.Current.Cluster;
        var servers = Servers(cluster);
        using var argument = cluster.Put(0);
        var refs = new ObjectRef<byte[]>[callsPerServer * servers.Length];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = servers[i % servers.Length].Call(s => s.SmallWithArg(argument));
        }

        await cluster.GetAsync(refs).ConfigureAwait(false);
        RefBatch.DisposeAll(refs);
        return refs.Length;
    }

    private ActorHandle<SmallActor>[] Servers(LoomCluster cluster) =>
        _servers ??= [.. _serverNames.Select(name => cluster.GetActor<SmallActor>(name))];
}
