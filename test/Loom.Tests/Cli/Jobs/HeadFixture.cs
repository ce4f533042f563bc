using System.Diagnostics;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Queue;
using Loom.Tests.Support;

namespace Loom.Tests.Cli.Jobs;

/// <summary>A real head started with the real <c>loom start --head</c> in a temporary LOOM_HOME, stopped with <c>loom stop</c>.</summary>
public sealed class HeadFixture : IAsyncLifetime
{
    public string Home { get; } = Path.Combine(Path.GetTempPath(), "loom-head-" + Guid.NewGuid().ToString("N")[..8]);

    public string Work => Path.Combine(Home, "work");

    public HeadClient Client { get; private set; } = null!;

    public string[] StartArguments { get; init; } = ["start", "--head", "--num-gpus", "4", "--num-cpus", "8", "--grace-period", "3"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Work);
        var (code, stdout, stderr) = await Loom(StartArguments);
        Assert.True(code == 0, stdout + stderr);
        Client = HeadClient.Connect(new LoomHome(Home));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await Loom("stop");
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A replica may still hold a file; the folder is temporary.
        }
    }

    public Task<(int ExitCode, string Stdout, string Stderr)> Loom(params string[] arguments) =>
        LoomProcess.RunInAsync(Home, Work, arguments);

    /// <summary>Runs loom and returns the job id of the handle it printed alone on its first line.</summary>
    public async Task<long> SubmitAsync(params string[] arguments)
    {
        var (code, stdout, stderr) = await Loom(arguments);
        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        var handle = stdout.Split('\n')[0].Trim();
        Assert.Matches(@"^local://loom/[\w.-]+-\d+$", handle);
        Assert.True(JobHandle.TryParse(handle, out var id, out var error), error);
        return id;
    }

    /// <summary>Polls the job (through <paramref name="client"/>, or the fixture's client) until the condition holds.</summary>
    public async Task<JobView> WaitForAsync(long id, Func<JobView, bool> condition, HeadClient? client = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var job = await (client ?? Client).GetAsync(id);
            if (condition(job))
            {
                return job;
            }

            Assert.True(watch.Elapsed < TestCluster.Patience, $"job {id} is {job.State}: {job.Reason}");
            await Task.Delay(50);
        }
    }

    public Task<JobView> WaitForStateAsync(long id, JobState state) => WaitForAsync(id, j => j.State == state);

    public async Task WaitForFileAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(watch.Elapsed < TestCluster.Patience, $"{path} did not appear");
            await Task.Delay(50);
        }
    }
}
