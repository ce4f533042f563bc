using Loom.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Loom.Tests.Hosting;

public sealed class AddLoomTests
{
    [Fact]
    public async Task AddLoom_resolves_one_working_cluster_with_the_configured_options()
    {
        await using var provider = new ServiceCollection()
            .AddLoom(o => o with { NumCpus = 2, NumGpus = 0, NodeName = "di-node" })
            .BuildServiceProvider();

        var loom = provider.GetRequiredService<LoomCluster>();

        Assert.Same(loom, provider.GetRequiredService<LoomCluster>());
        Assert.Equal("di-node", loom.NodeId);
        Assert.Equal(2.0, loom.GetStatus().Resources.Single(r => r.Name == "CPU").Total);
        Assert.Equal(0.0, loom.GetStatus().Resources.Single(r => r.Name == "GPU").Total);
        Assert.Equal(42, await loom.Task((int x) => x * 2).Remote(21).Within());
    }

    [Fact]
    public async Task Disposing_the_service_provider_stops_the_cluster()
    {
        var provider = new ServiceCollection()
            .AddLoom(o => o with { NumCpus = 1, NumGpus = 0 })
            .BuildServiceProvider();
        var loom = provider.GetRequiredService<LoomCluster>();
        Assert.Equal(1, await loom.Put(1).Within());

        await provider.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => loom.Put(2));
        Assert.Throws<ObjectDisposedException>(() => loom.Task(() => 1).Remote());
    }

    [Fact]
    public void AddLoom_twice_keeps_the_first_registration()
    {
        var services = new ServiceCollection()
            .AddLoom(o => o with { NumCpus = 1, NumGpus = 0, NodeName = "first" })
            .AddLoom(o => o with { NumCpus = 1, NumGpus = 0, NodeName = "second" });
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(LoomCluster));
        Assert.Equal("first", provider.GetRequiredService<LoomCluster>().NodeId);
    }
}
