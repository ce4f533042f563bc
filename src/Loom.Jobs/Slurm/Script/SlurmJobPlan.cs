using System.Text.RegularExpressions;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Options;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Slurm.Script;

/// <summary>What one submission asks of Slurm: the app, its options, where each replica runs.</summary>
internal sealed partial record SlurmJobPlan
{
    public required AppDef App { get; init; }

    public required SlurmRunOptions Options { get; init; }

    /// <summary>Every replica in rank order; one heterogeneous-job group each (one group for an array task).</summary>
    public required IReadOnlyList<SlurmReplicaSlot> Slots { get; init; }

    /// <summary>The <c>--array</c> value, or null.</summary>
    public string? Array { get; init; }

    /// <summary>The array's indexes, or null.</summary>
    public IReadOnlyList<int>? ArrayIndexes { get; init; }

    /// <summary>The folder the replicas start in (<c>--chdir</c>).</summary>
    public required string WorkingDirectory { get; init; }

    public TimeSpan? TimeLimit { get; init; }

    public int MaxRetries { get; init; }

    public IReadOnlyList<JobDependency> Dependencies { get; init; } = [];

    /// <summary>How many groups the job has.</summary>
    public int Groups => Slots.Count == 0 ? 0 : Slots[^1].HetGroup + 1;

    /// <summary>Reads a submission; anything Slurm cannot run as asked is a usage error.</summary>
    /// <param name="submission">The submission.</param>
    /// <param name="defaultJobDir">The job folder when <c>job_dir</c> is not given.</param>
    public static SlurmJobPlan For(JobSubmission submission, string defaultJobDir)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Apps.Count != 1)
        {
            throw Usage($"The Slurm scheduler runs one app per submission; this one has {submission.Apps.Count}. " +
                        "Submit each app on its own, or one app with --array.");
        }

        var app = submission.Apps[0];
        var problems = AppDefValidator.Validate(app);
        if (problems.Count > 0)
        {
            throw Usage($"The app '{app.Name}' is not valid: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message} ({p.Fix})")));
        }

        foreach (var role in app.Roles.Where(r => !SafeName().IsMatch(r.Name)))
        {
            throw Usage($"Role \"{role.Name}\": on Slurm a role's name becomes part of job and file names; use only letters, digits, '.', '_' and '-'.");
        }

        var workingDirectory = Path.GetFullPath(submission.BaseDirectory ?? Environment.CurrentDirectory);
        var options = SlurmRunOptions.Parse(submission.RunOptions, defaultJobDir, workingDirectory);
        var slots = Layout(app);
        string? array = null;
        IReadOnlyList<int>? indexes = null;
        if (submission.Array is { } text)
        {
            if (slots.Count != 1)
            {
                throw Usage($"--array needs an app of one role with one replica on Slurm (it has {slots.Count} replicas): " +
                            "Slurm cannot make an array of heterogeneous jobs.");
            }

            try
            {
                indexes = ArraySpec.Parse(text).Indexes;
            }
            catch (FormatException e)
            {
                throw Usage(e.Message);
            }

            array = text.Trim();
        }

        return new SlurmJobPlan
        {
            App = app,
            Options = options,
            Slots = slots,
            Array = array,
            ArrayIndexes = indexes,
            WorkingDirectory = workingDirectory,
            TimeLimit = options.TimeLimit ?? app.TimeLimit,
            MaxRetries = options.MaxRetries ?? submission.MaxRetries ?? app.Roles.Max(r => r.MaxRetries),
            Dependencies = submission.Dependencies,
        };
    }

    /// <summary>One group per replica, roles in order, replicas in order.</summary>
    public static IReadOnlyList<SlurmReplicaSlot> Layout(AppDef app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var slots = new List<SlurmReplicaSlot>();
        foreach (var role in app.Roles)
        {
            for (var replica = 0; replica < role.NumReplicas; replica++)
            {
                slots.Add(new SlurmReplicaSlot(role.Name, replica, slots.Count, slots.Count));
            }
        }

        return slots;
    }

    private static SchedulerException Usage(string message) => new(message) { IsUsageError = true };

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();
}
