namespace Loom.Cli.Demo;

/// <summary>Starts the demo's embedded cluster, giving it logical GPUs when the machine has none.</summary>
internal static class DemoCluster
{
    public static async Task<LoomCluster> StartAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var options = new LocalClusterOptions { NumCpus = settings.Cpus, NumGpus = settings.Gpus, NodeName = "demo" };
        var cluster = await LoomCluster.StartLocalAsync(options, cancellationToken).ConfigureAwait(false);
        if (settings.Gpus is not null || GpuCount(cluster) > 0)
        {
            return cluster;
        }

        await cluster.DisposeAsync().ConfigureAwait(false);
        return await LoomCluster.StartLocalAsync(options with { NumGpus = DemoSettings.FallbackGpus }, cancellationToken).ConfigureAwait(false);
    }

    public static int GpuCount(LoomCluster cluster) => (int)Total(cluster, "GPU");

    public static double CpuCount(LoomCluster cluster) => Total(cluster, "CPU");

    private static double Total(LoomCluster cluster, string resource) =>
        cluster.GetStatus().Resources.FirstOrDefault(r => r.Name == resource)?.Total ?? 0;
}
