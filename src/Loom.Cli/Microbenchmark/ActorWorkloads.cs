namespace Loom.Cli.Microbenchmark;

/// <summary>Ray's actor workloads: 1:1, 1:n and n:n calls, with sync and async actor methods.</summary>
internal static class ActorWorkloads
{
    private const int Batch = 1_000;
    private const int OneToNCallsPerServer = 5_000;
    private const int NToNCallsPerServer = 1_000;
    private static int s_nameSequence;

    /// <summary>The n of the 1:n and n:n workloads: one actor per core, at least two.</summary>
    private static int N => Math.Max(2, Environment.ProcessorCount);

    public static IEnumerable<Workload> All() =>
    [
        new("1:1 actor calls sync", 1, 2_012, loom => OneToOne(loom, 1, sync: true)),
        new("1:1 actor calls async", Batch, 8_664, loom => OneToOne(loom, 1, sync: false)),
        new("1:1 actor calls concurrent", Batch, null, loom => OneToOne(loom, 16, sync: false)),
        new("1:n actor calls async", N * OneToNCallsPerServer, null, loom => Clients(loom, 1, OneToNCallsPerServer, withArg: false)),
        new("n:n actor calls async", N * N * NToNCallsPerServer, 27_376, loom => Clients(loom, N, NToNCallsPerServer, withArg: false)),
        new("n:n actor calls with arg async", N * N * NToNCallsPerServer, null, loom => Clients(loom, N, NToNCallsPerServer, withArg: true)),
        new("1:1 async-actor calls sync", 1, null, loom => OneToOneAsyncActor(loom, sync: true)),
        new("1:1 async-actor calls async", Batch, null, loom => OneToOneAsyncActor(loom, sync: false)),
    ];

    private static Task<PreparedWorkload> OneToOne(LoomCluster loom, int maxConcurrency, bool sync)
    {
        var actor = loom.Actor(() => new SmallActor()).WithCpus(0).WithMaxConcurrency(maxConcurrency).Remote();
        Func<Task> operation = sync
            ? async () =>
            {
                using var result = actor.Call(a => a.Small());
                await result;
            }
            : async () =>
            {
                var refs = new ObjectRef<byte[]>[Batch];
                for (var i = 0; i < refs.Length; i++)
                {
                    refs[i] = actor.Call(a => a.Small());
                }

                await loom.GetAsync(refs).ConfigureAwait(false);
                RefBatch.DisposeAll(refs);
            };
        return PreparedWorkload.Of(operation, () => actor.KillAsync());
    }

    private static Task<PreparedWorkload> OneToOneAsyncActor(LoomCluster loom, bool sync)
    {
        var actor = loom.Actor(() => new AsyncSmallActor()).WithCpus(0).Remote();
        Func<Task> operation = sync
            ? async () =>
            {
                using var result = actor.Call(a => a.SmallAsync());
                await result;
            }
            : async () =>
            {
                var refs = new ObjectRef<byte[]>[Batch];
                for (var i = 0; i < refs.Length; i++)
                {
                    refs[i] = actor.Call(a => a.SmallAsync());
                }

                await loom.GetAsync(refs).ConfigureAwait(false);
                RefBatch.DisposeAll(refs);
            };
        return PreparedWorkload.Of(operation, () => actor.KillAsync());
    }

    private static Task<PreparedWorkload> Clients(LoomCluster loom, int clientCount, int callsPerServer, bool withArg)
    {
        var prefix = $"bench-server-{Interlocked.Increment(ref s_nameSequence)}-";
        var servers = Enumerable.Range(0, N)
            .Select(i => loom.Actor(() => new SmallActor()).WithName(prefix + i).WithCpus(0).Remote())
            .ToArray();
        string[] names = [.. servers.Select(s => s.Name!)];
        var clients = Enumerable.Range(0, clientCount)
            .Select(_ => loom.Actor(() => new ActorClientActor(names)).WithCpus(0).Remote())
            .ToArray();
        return PreparedWorkload.Of(
            async () =>
            {
                var refs = withArg
                    ? clients.Select(c => c.Call(a => a.CallAllWithArgAsync(callsPerServer))).ToArray()
                    : clients.Select(c => c.Call(a => a.CallAllAsync(callsPerServer))).ToArray();
                await loom.GetAsync(refs).ConfigureAwait(false);
                RefBatch.DisposeAll(refs);
            },
            async () =>
            {
                await ActorCleanup.KillAllAsync(clients).ConfigureAwait(false);
                await ActorCleanup.KillAllAsync(servers).ConfigureAwait(false);
            });
    }
}
