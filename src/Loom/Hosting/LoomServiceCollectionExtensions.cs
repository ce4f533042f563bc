using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Loom;

/// <summary>Registers Loom in a <c>Microsoft.Extensions.DependencyInjection</c> container.</summary>
public static class LoomServiceCollectionExtensions
{
    /// <summary>
    /// Adds an embedded one-node <see cref="LoomCluster"/> as a singleton, started on first use and
    /// stopped when the container is disposed. Logging goes to the container's <see cref="ILoggerFactory"/> unless the options name another.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Changes the options (CPUs, GPUs, memory, …); null keeps the defaults.</param>
    /// <returns>The container, for chaining.</returns>
    public static IServiceCollection AddLoom(this IServiceCollection services, Func<LocalClusterOptions, LocalClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = new LocalClusterOptions { LoggerFactory = provider.GetService<ILoggerFactory>() };
            return LoomCluster.StartLocal(configure?.Invoke(options) ?? options);
        });
        return services;
    }
}
