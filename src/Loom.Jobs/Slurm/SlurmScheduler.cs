using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Commands;
using Loom.Jobs.Slurm.Options;
using Loom.Jobs.Slurm.Records;
using Loom.Jobs.Slurm.Script;
using Loom.Jobs.Slurm.Tracking;

namespace Loom.Jobs.Slurm;

/// <summary>
/// Runs Loom apps on a Slurm cluster, from a login node (or wherever <c>sbatch</c> works). An app becomes one batch
/// job: a heterogeneous-job group per replica (an array job for <c>--array</c>), whose script starts every replica
/// with one <c>srun</c>. Each replica gets the variables it gets on the local scheduler (<c>LOOM_APP_ID</c>,
/// <c>RANK</c>, <c>WORLD_SIZE</c>, <c>MASTER_ADDR</c>, …). Failures are retried by <c>scontrol requeue</c>.
/// <para>
/// Files: the script, the replicas' logs (<c>slurm-JOBID-ROLE-REPLICA.out</c>/<c>.err</c>), their exit statuses
/// (<c>.exit</c>) and the checkpoints (<c>JOBID/checkpoints/</c>) go to the job folder (run option <c>job_dir</c>,
/// default <c>$LOOM_HOME/slurm/jobs</c>, which must be visible to the nodes); Loom's record of each job goes to
/// <c>$LOOM_HOME/slurm/jobs/JOBID.json</c>. Handles are <c>slurm://CLUSTER/JOBID</c>.
/// </para>
/// </summary>
public sealed partial class SlurmScheduler : IJobScheduler
{
    private readonly SlurmPaths _paths;
    private readonly SlurmCommands _commands;
    private readonly SlurmClusterConfig _config;
    private readonly SlurmRecordStore _store;
    private readonly SlurmJobLookup _lookup;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="options">Where the records go and where Slurm's commands are.</param>
    public SlurmScheduler(SlurmSchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _paths = new SlurmPaths(options.Home);
        _commands = new SlurmCommands(options.CommandsDirectory, options.CommandTimeout);
        _config = new SlurmClusterConfig(_paths, _commands);
        _store = new SlurmRecordStore(_paths);
        _lookup = new SlurmJobLookup(_commands, _config);
    }

    /// <summary>The run options this scheduler takes (<c>-cfg key=value</c>), as <c>loom runopts -s slurm</c> lists them.</summary>
    public static IReadOnlyList<RunOptionInfo> RunOptions => SlurmRunOptionCatalog.All;

    /// <inheritdoc/>
    public string Name => SlurmHandle.Scheme;

    /// <summary>The sbatch script <see cref="SubmitAsync"/> would submit for the same submission, exactly.</summary>
    /// <param name="submission">What to run.</param>
    /// <returns>The script.</returns>
    /// <exception cref="SchedulerException">The submission cannot run on Slurm as asked (a usage error).</exception>
    public string DryRun(JobSubmission submission) => SlurmScript.Build(SlurmJobPlan.For(submission, _paths.Jobs));

    /// <inheritdoc/>
    public async Task<SubmitResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default)
    {
        var plan = SlurmJobPlan.For(submission, _paths.Jobs);
        var script = SlurmScript.Build(plan);
        _commands.Require("sbatch");
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var scriptPath = Path.Combine(plan.Options.JobDir, $"loom-{plan.App.Name}-{stamp}-{Guid.NewGuid().ToString("N")[..6]}.sbatch");
        try
        {
            Directory.CreateDirectory(plan.Options.JobDir);
            await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchedulerException(
                $"The job folder '{plan.Options.JobDir}' cannot hold the batch script ({e.Message}). Give a folder you can write that every node sees: -cfg job_dir=DIR.",
                e)
            { IsUsageError = true };
        }

        var (jobId, sbatchCluster, result) = await _commands.SbatchAsync(scriptPath, cancellationToken);
        if (jobId == 0)
        {
            throw SlurmErrors.IsUnsatisfiable(result.Stderr)
                ? SlurmErrors.Unsatisfiable(result.Stderr, Request(plan))
                : result.Succeeded
                    ? new SchedulerException($"sbatch printed no job id: '{result.Stdout.Trim()}'.")
                    : SlurmErrors.Rejected(result.Stderr, scriptPath);
        }

        try
        {
            return await RecordAsync(submission, plan, scriptPath, jobId, sbatchCluster, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var id = jobId.ToString(CultureInfo.InvariantCulture);
            throw new SchedulerException(
                $"Slurm accepted the job as {id}, but Loom could not record it under {_paths.Root} ({e.Message}), so 'loom status' and 'loom log' cannot follow it. " +
                $"Follow it with 'squeue -j {id}', stop it with 'scancel {id}'; its logs are in {plan.Options.JobDir}.",
                e);
        }
    }

    private async Task<SubmitResult> RecordAsync(
        JobSubmission submission, SlurmJobPlan plan, string scriptPath, long jobId, string? sbatchCluster, CancellationToken cancellationToken)
    {
        var cluster = sbatchCluster is { Length: > 0 } named ? named : await _config.ClusterNameAsync(cancellationToken);
        var record = new SlurmJobRecord
        {
            JobId = jobId,
            Cluster = cluster,
            App = plan.App,
            RunOptions = submission.RunOptions,
            JobDir = plan.Options.JobDir,
            ScriptPath = scriptPath,
            WorkingDirectory = plan.WorkingDirectory,
            Layout = plan.Slots,
            Array = plan.Array,
            ArrayIndexes = plan.ArrayIndexes,
            MaxRetries = plan.MaxRetries,
            User = submission.User ?? Environment.UserName,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        _store.Write(record);

        // Just submitted: pending, as squeue would say.
        SlurmJobInfo[] pending = [new SlurmJobInfo { JobId = jobId, BaseJobId = jobId, State = "PENDING", SubmitTime = record.SubmittedAt }];
        IReadOnlyList<JobView> jobs = plan.ArrayIndexes is { } indexes
            ? indexes.Select(i => SlurmJobViews.Build(cluster, jobId, i, record, pending)).ToList()
            : [SlurmJobViews.Build(cluster, jobId, null, record, pending)];
        return new SubmitResult(new SlurmHandle(cluster, jobId, null).ToString(), jobs);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // Nothing is held between calls.
    }

    private static string Request(SlurmJobPlan plan)
    {
        var culture = CultureInfo.InvariantCulture;
        var roles = plan.App.Roles.Select(r =>
            $"{r.Name}: {r.NumReplicas.ToString(culture)} replica(s), each one node with " +
            $"{Math.Max(1, r.Resource.Cpu).ToString(culture)} CPU(s), " +
            (r.Resource.MemMB > 0 && !plan.Options.NoMem ? $"{r.Resource.MemMB.ToString(culture)} MB of memory, " : "") +
            $"{r.Resource.Gpu.ToString(culture)} GPU(s)");
        var partition = plan.Options.Partition is { } p ? $" in partition '{p}'" : "";
        return string.Join("; ", roles) + partition;
    }
}
