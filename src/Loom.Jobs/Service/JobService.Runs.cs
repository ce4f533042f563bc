using System.Globalization;
using System.Text.Json;
using Loom.Jobs.Api;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;
using Loom.Jobs.Staging;

namespace Loom.Jobs.Service;

/// <content>Starting a job and carrying it through its lifecycle to its end.</content>
public sealed partial class JobService
{
    private const string InputsFolder = "inputs";
    private const string ResultsFolder = "results";
    private const string CheckpointsFolder = "checkpoints";
    private const string AllExitedZero = "Every replica exited with code 0";

    // Called under _gate: the job's resources are taken here, its processes start on the thread pool.
    private void Launch(JobStart start)
    {
        var app = ReadApp(start.Job.Id) ?? new AppDef { Name = start.Job.Name };
        var staging = app.Inputs.Count > 0;
        var reason = staging
            ? $"Staging {app.Inputs.Count.ToString(CultureInfo.InvariantCulture)} input(s)"
            : "Started";
        var job = _store.Transition(start.Job.Id, staging ? JobState.Downloading : JobState.Running, reason, start.GpuIds);
        var active = new ActiveJob(job, app);
        _active[job.Id] = active;
        active.Completion = Task.Run(() => RunAsync(active));
    }

    private async Task RunAsync(ActiveJob active)
    {
        try
        {
            var directory = JobDirectory(active.Id);
            Directory.CreateDirectory(directory);
            var staged = Path.Combine(directory, InputsFolder);
            if (active.App.Inputs.Count > 0 && !await StageAsync(active, staged).ConfigureAwait(false))
            {
                return;
            }

            var options = new AppRunOptions
            {
                JobDirectory = directory,
                AppId = JobHandle.AppId(active.Job.Name, active.Id),
                GpuIdsByRank = AppDemand.GpuIdsByRank(active.App, active.Job.GpuIds),
                Environment = ReplicaVariables(active.Job, directory),
                GracePeriod = _options.GracePeriod,
                TimeProvider = _options.TimeProvider,
            };
            if (active.App.Inputs.Count > 0)
            {
                LinkInputs(active.App, staged, directory);
            }

            AppRun run;
            try
            {
                run = AppRun.Start(active.App, options);
            }
            catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                End(active, JobState.Failed, $"Its processes could not be started: {e.Message}");
                return;
            }

            await using (run.ConfigureAwait(false))
            {
                _store.SetReplicas(active.Id, JobViews.WriteReplicas(run.Replicas));
                active.Attach(run);
                var outcome = await run.Completion.ConfigureAwait(false);
                End(active, outcome.State, outcome.Reason ?? AllExitedZero);
            }
        }
        catch (Exception e)
        {
            Log.RunFailed(_options.Logger, active.Id, e);
            TryEnd(active, JobState.Failed, $"The head failed while running the job: {e.Message}");
        }
        finally
        {
            Release(active);
        }
    }

    // Records the end of an attempt and forgets the attempt in one step under the gate, so that Cancel, Halt and
    // Resume find either the attempt still active or its end recorded, never a recorded end (HALTED, or QUEUED for a
    // retry) with a finished attempt still listed, on which a stop is lost.
    private void Finish(ActiveJob active, Action record)
    {
        lock (_gate)
        {
            record();
            Forget(active);
        }
    }

    // After an attempt's run or watch: the attempt is forgotten, its resources are free for the next pass.
    private void Release(ActiveJob active)
    {
        lock (_gate)
        {
            Forget(active);
        }

        active.Dispose();
        Wake();
    }

    // Called under _gate. A job queued again when its attempt ended (a retry, a resume) may already run again as
    // another ActiveJob, which must stay known to Cancel, Halt and DisposeAsync.
    private void Forget(ActiveJob active)
    {
        if (_active.TryGetValue(active.Id, out var current) && current == active)
        {
            _active.Remove(active.Id);
        }
    }

    private async Task<bool> StageAsync(ActiveJob active, string staged)
    {
        try
        {
            await InputStager.StageAsync(
                active.App.Inputs, staged, BaseDirectoryOf(active.App), _options.Http ?? SharedHttp, active.Staging).ConfigureAwait(false);
        }
        catch (InputStagingException e)
        {
            End(active, JobState.Failed, $"Staging failed: {e.Message}");
            return false;
        }
        catch (OperationCanceledException) when (active.StopRequested.IsCompleted)
        {
            var (state, reason) = active.StopRequested.Result;
            End(active, state, reason);
            return false;
        }

        if (active.StopRequested.IsCompleted)
        {
            var (state, reason) = active.StopRequested.Result;
            End(active, state, reason);
            return false;
        }

        _store.Transition(active.Id, JobState.Running, "Inputs staged");
        return true;
    }

    private static string? BaseDirectoryOf(AppDef app) =>
        app.Metadata.TryGetValue(SubmissionCheck.BaseDirectoryKey, out var folder) ? folder : null;

    private static void LinkInputs(AppDef app, string staged, string directory)
    {
        foreach (var role in app.Roles)
        {
            for (var replica = 0; replica < role.NumReplicas; replica++)
            {
                var working = Path.Combine(directory, role.Name, replica.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(working);
                InputStager.LinkInto(staged, working);
            }
        }
    }

    private static Dictionary<string, string> ReplicaVariables(JobRecord job, string directory)
    {
        var culture = CultureInfo.InvariantCulture;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [JobEnvironmentVariables.JobId] = job.Id.ToString(culture),
        };
        if (job.ArrayIndex is { } index)
        {
            env[JobEnvironmentVariables.ArrayTaskId] = index.ToString(culture);
            env[JobEnvironmentVariables.ArrayJobId] = (job.ArrayParentId ?? job.Id).ToString(culture);
        }

        // Only an earlier attempt (a retry, a resume, a preemption) can have left a checkpoint in the job's folder.
        if (LastCheckpoint.In(Path.Combine(directory, CheckpointsFolder)) is { } checkpoint)
        {
            env[ReplicaEnvironment.ResumeFrom] = checkpoint;
        }

        return env;
    }

    private void TryEnd(ActiveJob active, JobState state, string reason)
    {
        try
        {
            End(active, state, reason);
        }
        catch (Exception e) when (e is IllegalJobTransitionException or InvalidOperationException)
        {
            Log.RunFailed(_options.Logger, active.Id, e);
        }
    }

    // Records how an attempt ended: stores outputs on success, queues again on retries, preemption and head stop.
    private void End(ActiveJob active, JobState state, string reason)
    {
        var id = active.Id;
        switch (state)
        {
            case JobState.Succeeded:
                Succeed(active, reason);
                break;
            case JobState.Halted when active.PreemptedBy is { } by:
                Finish(active, () => _store.Preempted(id, by));
                break;
            case JobState.Halted when active.HeadStopping:
                Finish(active, () => _store.HaltAndRequeue(id, reason, "Resumes when the head starts again"));
                break;
            case JobState.Halted:
                Finish(active, () => _store.Transition(id, JobState.Halted, $"{reason}; checkpoints are kept in {Path.Combine(JobDirectory(id), CheckpointsFolder)}"));
                break;
            case JobState.Cancelled:
                Finish(active, () => _store.Transition(id, JobState.Cancelled, reason));
                break;
            default:
                Finish(active, () =>
                {
                    var failed = _store.Transition(id, state, reason);
                    if (failed.RetryCount < failed.MaxRetries)
                    {
                        var attempt = (failed.RetryCount + 1).ToString(CultureInfo.InvariantCulture);
                        _store.Retry(id, $"Retry {attempt} of {failed.MaxRetries.ToString(CultureInfo.InvariantCulture)} after {JobStateNames.Name(state)}: {reason}");
                    }
                });
                break;
        }
    }

    private void Succeed(ActiveJob active, string reason)
    {
        var id = active.Id;
        var storing = _store.Get(id)?.State == JobState.Storing;
        if (active.App.Outputs.Count == 0)
        {
            Finish(active, () => _store.Transition(id, JobState.Succeeded, reason));
            return;
        }

        if (!storing)
        {
            _store.Transition(id, JobState.Storing, $"Storing {active.App.Outputs.Count.ToString(CultureInfo.InvariantCulture)} output(s)");
        }

        var replicas = JobViews.ReadReplicas(_store.Replicas(id)).Select(r => (r.Role, r.ReplicaId, r.Directory)).ToArray();
        try
        {
            var stored = OutputStorer.Store(active.App.Outputs, replicas, Path.Combine(JobDirectory(id), ResultsFolder));
            var missing = stored.Where(s => s.Missing is not null).Select(s => s.Missing!).ToArray();
            var summary = missing.Length == 0
                ? $"{reason}; outputs stored"
                : $"{reason}; outputs stored, but {string.Join("; ", missing)}";
            Finish(active, () => _store.Transition(id, JobState.Succeeded, summary));
        }
        catch (OutputStoringException e)
        {
            Finish(active, () => _store.Transition(id, JobState.Failed, $"Storing outputs failed: {e.Message}"));
        }
    }

    internal static string SerializeApp(AppDef app) => JsonSerializer.Serialize(app, JobsJson.Options);
}
