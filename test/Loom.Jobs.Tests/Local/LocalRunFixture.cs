using Loom.Jobs.Local;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Local;

/// <summary>A fresh job folder, deleted afterwards, and helpers to build apps of <c>sh -c</c> replicas.</summary>
internal sealed class LocalRunFixture : IDisposable
{
    public static readonly TimeSpan Safety = TimeSpan.FromMinutes(2);

    public string JobDirectory { get; } = Path.Combine(Path.GetTempPath(), "loom-run-" + Guid.NewGuid().ToString("N"));

    public static Role ShRole(string name, string script, int replicas = 1) => new()
    {
        Name = name,
        Entrypoint = "sh",
        Args = ["-c", script],
        NumReplicas = replicas,
    };

    public static AppDef App(params Role[] roles) => new() { Name = "app", Roles = roles };

    public AppRunOptions Options(TimeProvider? time = null) => new()
    {
        JobDirectory = JobDirectory,
        AppId = "app-1",
        GracePeriod = TimeSpan.FromSeconds(30),
        TimeProvider = time ?? TimeProvider.System,
    };

    public string ReplicaFile(string role, int replica, string file) => Path.Combine(JobDirectory, role, replica.ToString(System.Globalization.CultureInfo.InvariantCulture), file);

    /// <summary>Waits until a file exists (a replica wrote it), failing after the safety timeout.</summary>
    public static async Task WaitForFile(string path)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never appeared");
            await Task.Delay(20);
        }
    }

    public static async Task<RunOutcome> Outcome(AppRun run) => await run.Completion.WaitAsync(Safety);

    public void Dispose()
    {
        if (Directory.Exists(JobDirectory))
        {
            Directory.Delete(JobDirectory, recursive: true);
        }
    }
}
