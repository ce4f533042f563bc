namespace Loom.Cli.Microbenchmark;

/// <summary>Kills a workload's actors when it is done.</summary>
internal static class ActorCleanup
{
    public static async ValueTask KillAllAsync<T>(IEnumerable<ActorHandle<T>> actors)
        where T : class
    {
        foreach (var actor in actors)
        {
            await actor.KillAsync().ConfigureAwait(false);
        }
    }
}
