using System.Globalization;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Service;

/// <content>Finding again, after a restart of the head, the runs that an earlier head left holding resources.</content>
public sealed partial class JobService
{
    private void Recover()
    {
        foreach (var job in _store.ByState(JobState.Downloading, JobState.Running, JobState.Storing))
        {
            var app = ReadApp(job.Id) ?? new AppDef { Name = job.Name };
            var active = new ActiveJob(job, app);
            var replicas = JobViews.ReadReplicas(_store.Replicas(job.Id));
            if (job.State == JobState.Downloading || replicas.Count == 0)
            {
                End(active, JobState.Failed, "The head stopped while the job was staging its inputs, before any replica started");
                continue;
            }

            var reattached = ReplicaRunner.Reattach(replicas, _options.PollInterval, _options.TimeProvider);
            Log.Reattached(_options.Logger, job.Id, reattached.Alive.Count, reattached.Dead.Count);
            _active[job.Id] = active;
            active.Completion = Task.Run(() => WatchReattachedAsync(active, reattached));
        }
    }

    private async Task WatchReattachedAsync(ActiveJob active, ReattachedRun reattached)
    {
        try
        {
            using (reattached)
            {
                // A job that was STORING goes on storing: Succeed carries on from that state.
                var (state, reason) = await ReattachedOutcomeAsync(active, reattached).ConfigureAwait(false);
                End(active, state, reason);
            }
        }
        catch (Exception e)
        {
            Log.RunFailed(_options.Logger, active.Id, e);
            TryEnd(active, JobState.Failed, $"The head failed while watching the re-attached job: {e.Message}");
        }
        finally
        {
            Release(active);
        }
    }

    private async Task<(JobState State, string Reason)> ReattachedOutcomeAsync(ActiveJob active, ReattachedRun reattached)
    {
        if (FirstFailure(reattached.Dead) is { } deadReason)
        {
            await TerminateAsync(reattached).ConfigureAwait(false);
            return (JobState.Failed, $"The head restarted and found {deadReason}");
        }

        using var deadlineCancel = new CancellationTokenSource();
        var deadline = TimeLimits.Deadline(active.Job) is { } at
            ? Task.Delay(Max(at - _options.TimeProvider.GetUtcNow(), TimeSpan.Zero), _options.TimeProvider, deadlineCancel.Token)
            : Task.Delay(Timeout.Infinite, deadlineCancel.Token);
        var first = await Task.WhenAny(reattached.Exited, active.StopRequested, deadline).ConfigureAwait(false);
        await deadlineCancel.CancelAsync().ConfigureAwait(false);
        if (first == reattached.Exited)
        {
            var all = reattached.Alive.Concat(reattached.Dead).ToArray();
            return FirstFailure(all) is { } failure
                ? (JobState.Failed, failure)
                : (JobState.Succeeded, AllExitedZero);
        }

        await TerminateAsync(reattached).ConfigureAwait(false);
        if (first == deadline)
        {
            return (JobState.Timeout, $"the time limit of {active.Job.TimeLimit} passed");
        }

        return active.StopRequested.Result;
    }

    private async Task TerminateAsync(ReattachedRun reattached)
    {
        reattached.Terminate();
        var grace = Task.Delay(_options.GracePeriod, _options.TimeProvider);
        if (await Task.WhenAny(reattached.Exited, grace).ConfigureAwait(false) != reattached.Exited)
        {
            reattached.Kill();
            await reattached.Exited.ConfigureAwait(false);
        }
    }

    private static string? FirstFailure(IEnumerable<ReplicaProcessInfo> ended)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var replica in ended)
        {
            var code = ReattachedRun.RecordedExitCode(replica);
            if (code == 0)
            {
                continue;
            }

            var how = code is { } c
                ? c > 128 ? $"was killed by signal {(c - 128).ToString(culture)}" : $"exited with code {c.ToString(culture)}"
                : "ended without leaving an exit status (it was killed)";
            return $"replica {replica.Role}/{replica.ReplicaId.ToString(culture)} (rank {replica.Rank.ToString(culture)}, pid {replica.Pid.ToString(culture)}) {how}";
        }

        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
