using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loom.Head;

/// <summary>
/// A running head: the Loom node (which detects the GPUs), the job service over it, and the job API on
/// 127.0.0.1 behind the bearer token in <c>$LOOM_HOME/token</c>. Its address is written to
/// <c>$LOOM_HOME/head.json</c> once it answers, and removed when it stops.
/// </summary>
public sealed class HeadServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly LoomCluster _node;
    private readonly JobService _jobs;
    private readonly LoomHome _home;
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private HeadServer(WebApplication web, LoomCluster node, JobService jobs, LoomHome home, string url)
    {
        _web = web;
        _node = node;
        _jobs = jobs;
        _home = home;
        Url = url;
    }

    /// <summary>The API's base address.</summary>
    public string Url { get; }

    /// <summary>The job service.</summary>
    public JobService Jobs => _jobs;

    /// <summary>Completes when a client asks the head to stop.</summary>
    public Task ShutdownRequested => _shutdown.Task;

    /// <summary>Starts the node, the job service and the API.</summary>
    /// <param name="options">How to start.</param>
    /// <param name="loggerFactory">Where messages go.</param>
    /// <returns>The running head.</returns>
    public static async Task<HeadServer> StartAsync(HeadOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var home = options.Home;
        Directory.CreateDirectory(home.Path);
        var token = home.ReadOrCreateToken();
        var node = await LoomCluster.StartLocalAsync(new LocalClusterOptions
        {
            NumCpus = options.NumCpus,
            NumGpus = options.NumGpus,
            CustomResources = options.Resources,
            NodeName = "head",
            LoggerFactory = loggerFactory,
        }).ConfigureAwait(false);
        JobService? jobs = null;
        try
        {
            var resources = node.GetStatus().Resources;
            var gpus = (int)(resources.FirstOrDefault(r => r.Name == "GPU")?.Total ?? 0);
            var cpus = (int)(resources.FirstOrDefault(r => r.Name == "CPU")?.Total ?? Environment.ProcessorCount);
            jobs = JobService.Start(new JobServiceOptions
            {
                Home = home.Path,
                Session = options.Session,
                GpuIds = [.. Enumerable.Range(0, gpus)],
                Cpus = cpus,
                GracePeriod = options.GracePeriod,
                Policy = options.Policy,
                Logger = loggerFactory.CreateLogger<JobService>(),
            });
            var web = Build(options, loggerFactory, token, home);
            HeadServer? head = null;
            JobsEndpoints.Map(web, jobs, () => head?.Url ?? "", () => head?._shutdown.TrySetResult());
            await web.StartAsync().ConfigureAwait(false);
            var url = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            head = new HeadServer(web, node, jobs, home, url);
            new HeadAddress(url, Environment.ProcessId, options.Session).Write(home);
            return head;
        }
        catch
        {
            if (jobs is not null)
            {
                await jobs.DisposeAsync().ConfigureAwait(false);
            }

            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the API, then the job service (running jobs are halted and queued again), then the node.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (HeadAddress.Read(_home) is { } recorded && recorded.Pid == Environment.ProcessId)
        {
            File.Delete(_home.HeadFile);
        }

        await _web.StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
        await _jobs.DisposeAsync().ConfigureAwait(false);
        await _node.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(HeadOptions options, ILoggerFactory loggerFactory, string token, LoomHome home)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Loom.Head" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JobsJson.Options.PropertyNamingPolicy;
            foreach (var converter in JobsJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
        var web = builder.Build();
        var check = new BearerTokenCheck(token, home.TokenFile);
        web.Use(check.InvokeAsync);
        web.MapOpenApi();
        return web;
    }
}
