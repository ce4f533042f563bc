namespace Loom.Cli.Microbenchmark;

/// <summary>Ray's placement-group workload: create 100 one-bundle groups, wait for each, remove them all.</summary>
internal static class PlacementGroupWorkloads
{
    private const int Groups = 100;

    public static Workload CreateRemove() =>
        new("placement group create/removal", Groups, 765, loom => PreparedWorkload.Of(() => CreateRemoveOnce(loom)));

    private static async Task CreateRemoveOnce(LoomCluster loom)
    {
        var groups = new PlacementGroup[Groups];
        Bundle[] bundles = [new Bundle { Cpus = 0.001 }];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = loom.CreatePlacementGroup(bundles);
        }

        foreach (var group in groups)
        {
            await group.ReadyAsync().ConfigureAwait(false);
        }

        foreach (var group in groups)
        {
            await group.RemoveAsync().ConfigureAwait(false);
        }
    }
}
