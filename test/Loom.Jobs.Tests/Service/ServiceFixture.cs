using System.Globalization;
using System.Text;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Service;

/// <summary>
/// A job service on a fresh temporary home folder, stopped and deleted afterwards, with helpers to build apps of
/// <c>/bin/sh -c</c> replicas, to hold them until the test releases them, and to wait for jobs.
/// </summary>
internal sealed class ServiceFixture : IAsyncDisposable
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public ServiceFixture(Func<JobServiceOptions, JobServiceOptions>? configure = null)
    {
        Directory.CreateDirectory(Control);
        var options = new JobServiceOptions
        {
            Home = Home,
            GpuIds = [0, 1, 2, 3],
            Cpus = 8,
            GracePeriod = TimeSpan.FromSeconds(2),
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        Options = configure is null ? options : configure(options);
        Service = JobService.Start(Options);
    }

    /// <summary>The service's home folder.</summary>
    public string Home { get; } = Path.Combine(Path.GetTempPath(), "loom-svc-" + Guid.NewGuid().ToString("N"));

    /// <summary>A folder, outside the service's own files, for the files tests and replicas signal each other with.</summary>
    public string Control => Path.Combine(Home, "control");

    public JobServiceOptions Options { get; }

    public JobService Service { get; private set; }

    /// <summary>An app of one role of <c>/bin/sh -c SCRIPT</c> replicas.</summary>
    public static AppDef ShApp(string name, string script, int replicas = 1, int gpus = 0, int cpus = 0) => new()
    {
        Name = name,
        Roles =
        [
            new Role
            {
                Name = "worker",
                Entrypoint = "/bin/sh",
                Args = ["-c", script],
                NumReplicas = replicas,
                Resource = new Resource { Gpu = gpus, Cpu = cpus },
            },
        ],
    };

    /// <summary>The path of a control file.</summary>
    public string ControlFile(string name) => Path.Combine(Control, name);

    /// <summary>A shell line that waits until the control file exists.</summary>
    public string WaitFor(string name) => $"while [ ! -e '{ControlFile(name)}' ]; do sleep 0.05; done";

    /// <summary>Creates a control file, releasing the replicas that wait for it.</summary>
    public void Release(string name) => File.WriteAllText(ControlFile(name), "");

    /// <summary>Submits one app and returns its job's id.</summary>
    public long Submit(AppDef app, Func<JobSubmission, JobSubmission>? configure = null)
    {
        var submission = new JobSubmission { Apps = [app] };
        var result = Service.Submit(configure is null ? submission : configure(submission));
        return Assert.Single(result.Jobs).Id;
    }

    /// <summary>Stops the service as the head does when it stops: running jobs are halted and queued again.</summary>
    public async Task StopAsync() => await Service.DisposeAsync();

    /// <summary>Starts a new service on the same home folder.</summary>
    public void StartAgain() => Service = JobService.Start(Options);

    /// <summary>Polls the job until the condition holds, failing after the safety timeout with what the job did.</summary>
    public async Task<JobView> WaitUntil(long id, Func<JobView, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (true)
        {
            var job = Service.Get(id);
            if (condition(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} never {what}.{Environment.NewLine}{Explain(id)}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>Waits until the job is in the state; fails at once when it ends in another state.</summary>
    public Task<JobView> WaitForState(long id, JobState state) => WaitUntil(
        id,
        job =>
        {
            Assert.False(
                job.State != state && HasEnded(job),
                $"Job {id} ended {job.State}, not {state}.{Environment.NewLine}{Explain(id)}");
            return job.State == state;
        },
        $"reached {state}");

    /// <summary>Whether the job ended for good: in an ended state with no retry to follow.</summary>
    public static bool HasEnded(JobView job) =>
        JobStateMachine.IsEnded(job.State)
        && !(job.State is JobState.Failed or JobState.Timeout or JobState.OutOfMemory && job.RetryCount < job.MaxRetries);

    /// <summary>Waits until the replicas are recorded and the first one has written a file in its working directory.</summary>
    public async Task<JobView> WaitForReplicaFile(long id, string file)
    {
        var job = await WaitUntil(id, j => j.Replicas.Count > 0 && File.Exists(Path.Combine(j.Replicas[0].Directory, file)), $"wrote {file}");
        return job;
    }

    /// <summary>Waits until the job's history holds a transition to the state.</summary>
    public Task<JobView> WaitForTransition(long id, JobState state) =>
        WaitUntil(id, _ => States(id).Contains(state), $"went through {state}");

    /// <summary>Polls until the condition holds, failing after the safety timeout.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never {what}.");
            await Task.Delay(Poll);
        }
    }

    /// <summary>Waits until a file exists, failing after the safety timeout.</summary>
    public static async Task WaitForFile(string path)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never appeared");
            await Task.Delay(Poll);
        }
    }

    /// <summary>The states the job went through, oldest first.</summary>
    public IReadOnlyList<JobState> States(long id) => [.. Service.Describe(id).History.Select(t => t.To)];

    /// <summary>A file in a replica's working directory.</summary>
    public static string ReplicaFile(JobView job, string file, int replica = 0)
    {
        Assert.True(job.Replicas.Count > replica, $"Job {job.Id} has {job.Replicas.Count} replica(s) recorded, not {replica + 1}");
        return Path.Combine(job.Replicas[replica].Directory, file);
    }

    /// <summary>The text of a file in a replica's working directory, without the trailing newline.</summary>
    public static string ReadReplicaFile(JobView job, string file, int replica = 0) =>
        File.ReadAllText(ReplicaFile(job, file, replica)).TrimEnd('\n');

    /// <summary>The job's state, reason, history and logs, for failure messages.</summary>
    public string Explain(long id)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var description = Service.Describe(id);
        text.Append(culture, $"State {description.Job.State}: {description.Job.Reason}").AppendLine();
        foreach (var t in description.History)
        {
            text.Append(culture, $"  {t.From} -> {t.To}: {t.Reason}").AppendLine();
        }

        foreach (var replica in description.Job.Replicas)
        {
            foreach (var log in new[] { "stdout.log", "stderr.log" })
            {
                var path = Path.Combine(replica.Directory, log);
                if (File.Exists(path))
                {
                    text.Append(culture, $"  {replica.Role}/{replica.ReplicaId} {log}: {File.ReadAllText(path)}").AppendLine();
                }
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        if (Directory.Exists(Home))
        {
            Directory.Delete(Home, recursive: true);
        }
    }
}
