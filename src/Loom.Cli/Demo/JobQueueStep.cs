using System.Diagnostics;
using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using Loom.Jobs.Specs;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>
/// The job queue in action: a batch of shell lines (as <c>loom batch FILE -j 4 --gpus 1</c> submits it) run as OS
/// processes by a job service in a temporary LOOM_HOME, each with its own GPU in <c>CUDA_VISIBLE_DEVICES</c>.
/// The step then proves that every line succeeded, that at most four ran at once and that no GPU was shared.
/// </summary>
internal sealed class JobQueueStep : IDemoStep
{
    private const int Lines = 8;
    private const int AtOnce = 4;

    public string Title => $"Job queue: a batch of {Lines} lines, -j {AtOnce}, 1 GPU each";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        var gpus = DemoCluster.GpuCount(loom);
        progress.MaxValue = Lines;
        if (gpus == 0)
        {
            progress.Increment(Lines);
            return new DemoOutcome(Title, new Markup("[yellow]The cluster has no GPUs (--num-gpus 0): the batch was skipped.[/]"), [], TimeSpan.Zero);
        }

        var started = Stopwatch.GetTimestamp();
        var home = Path.Combine(Path.GetTempPath(), "loom-demo-jobs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            IReadOnlyList<(JobView Job, string Output)> results;
            await using (var service = JobService.Start(new JobServiceOptions
            {
                Home = home,
                GpuIds = [.. Enumerable.Range(0, gpus)],
                Cpus = Math.Max(1, (int)DemoCluster.CpuCount(loom)),
                PollInterval = TimeSpan.FromMilliseconds(50),
            }))
            {
                var submitted = service.Submit(new JobSubmission
                {
                    Apps = [.. Enumerable.Range(0, Lines).Select(Line)],
                    MaxConcurrent = AtOnce,
                    User = "demo",
                });
                results = await WaitAsync(service, submitted.Jobs[0].Id, progress, cancellationToken).ConfigureAwait(false);
            }

            return Report(results, gpus, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static AppDef Line(int index) => new()
    {
        Name = "batch",
        Roles =
        [
            new Role
            {
                Name = "line",
                Entrypoint = "/bin/sh",
                Args = ["-c", $"echo \"$CUDA_VISIBLE_DEVICES\"; sleep 0.{(index % 3) + 2}"],
                Resource = new Resource { Gpu = 1 },
            },
        ],
    };

    private static async Task<IReadOnlyList<(JobView Job, string Output)>> WaitAsync(
        JobService service, long parent, ProgressTask progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var tasks = service.List(arrayParentId: parent);
            var done = tasks.Count(t => JobStateMachine.IsEnded(t.State));
            progress.Value = done;
            if (done == Lines)
            {
                return [.. tasks.OrderBy(t => t.ArrayIndex).Select(t => service.Get(t.Id)).Select(t => (t, Output(t)))];
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Output(JobView job) =>
        job.Replicas.Count == 1 && File.Exists(Path.Combine(job.Replicas[0].Directory, "stdout.log"))
            ? File.ReadAllText(Path.Combine(job.Replicas[0].Directory, "stdout.log")).Trim()
            : "";

    private static DemoOutcome Report(IReadOnlyList<(JobView Job, string Output)> results, int gpus, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        var origin = results.Min(r => r.Job.SubmittedAt);
        var table = new Table().Title("Job queue: batch lines")
            .AddColumn("line").AddColumn("state").AddColumn(new TableColumn("GPU").Centered())
            .AddColumn(new TableColumn("start (s)").RightAligned()).AddColumn(new TableColumn("end (s)").RightAligned());
        foreach (var (job, output) in results)
        {
            table.AddRow(
                job.ArrayIndex?.ToString(culture) ?? "?",
                JobStateNames.Name(job.State),
                Markup.Escape(output),
                Seconds(job.StartedAt, origin),
                Seconds(job.EndedAt, origin));
        }

        var intervals = results
            .Where(r => r.Job.StartedAt is not null && r.Job.EndedAt is not null)
            .Select(r => (Gpu: r.Output, Start: r.Job.StartedAt!.Value, End: r.Job.EndedAt!.Value))
            .ToArray();
        var shared = intervals.SelectMany((a, i) => intervals.Skip(i + 1).Where(b => a.Gpu == b.Gpu && a.Start < b.End && b.Start < a.End).Select(b => (a, b))).ToArray();
        var peak = intervals.Max(a => intervals.Count(b => b.Start <= a.Start && a.Start < b.End));
        var oneGpuEach = results.All(r => int.TryParse(r.Output, NumberStyles.None, culture, out var g) && g >= 0 && g < gpus);
        DemoCheck[] checks =
        [
            new("Every batch line SUCCEEDED", results.All(r => r.Job.State == JobState.Succeeded), $"{results.Count(r => r.Job.State == JobState.Succeeded)} of {results.Count}"),
            new("Each line saw exactly one GPU id", oneGpuEach, string.Join(" ", results.Select(r => r.Output))),
            new("No GPU was given to two running lines", shared.Length == 0, shared.Length == 0 ? "no overlap on any GPU" : $"{shared.Length} overlaps"),
            new($"At most {AtOnce} lines ran at once (-j {AtOnce})", peak <= Math.Min(AtOnce, gpus), $"peak {peak}"),
        ];
        return new DemoOutcome("Job queue", table, checks, elapsed);
    }

    private static string Seconds(DateTimeOffset? time, DateTimeOffset origin) =>
        time is { } t ? (t - origin).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
