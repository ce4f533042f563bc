using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Slurm;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Slurm;

/// <summary>Apps, submissions and a scheduler over a temporary <c>$LOOM_HOME</c> for the Slurm tests.</summary>
internal sealed class SlurmTestApps : IDisposable
{
    public SlurmTestApps()
    {
        Home = Path.Combine(Path.GetTempPath(), "loom-slurm-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Home);
    }

    public string Home { get; }

    public string JobDir => Path.Combine(Home, "slurm", "jobs");

    public SlurmScheduler Scheduler(string? commandsDirectory = null) =>
        new(new SlurmSchedulerOptions { Home = new LoomHome(Home), CommandsDirectory = commandsDirectory });

    public static Role Sh(string name, string script, int replicas = 1) => new()
    {
        Name = name,
        Entrypoint = "sh",
        Args = ["-c", script],
        NumReplicas = replicas,
    };

    public static AppDef App(params Role[] roles) => new() { Name = "app", Roles = roles };

    public JobSubmission Submission(AppDef app, IReadOnlyDictionary<string, string>? options = null, string? array = null) => new()
    {
        Apps = [app],
        Array = array,
        BaseDirectory = Home,
        RunOptions = options ?? new Dictionary<string, string>(),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
