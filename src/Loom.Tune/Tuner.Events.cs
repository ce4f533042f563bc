using Loom.Tune.Schedulers;

namespace Loom.Tune;

/// <content>What the tuner does with each trial event: record, ask the stop criteria and the scheduler, answer.</content>
public sealed partial class Tuner
{
    private void Handle(TrialEvent next)
    {
        if (!_running.TryGetValue(next.TrialId, out var attempt) || attempt != next.Attempt)
        {
            if (next is TrialEvent.Reported stale)
            {
                stale.Decision.TrySetResult(TrialDecision.Stop);
            }

            return;
        }

        var trial = _trials[next.TrialId];
        switch (next)
        {
            case TrialEvent.Reported report:
                report.Decision.TrySetResult(Decide(trial, report));
                break;
            case TrialEvent.Ended ended:
                End(trial, ended);
                break;
        }
    }

    private TrialDecision Decide(Trial trial, TrialEvent.Reported report)
    {
        var result = new TrialResult(trial.Id, report.Iteration, report.Metrics, report.Elapsed);
        trial.Iteration = report.Iteration;
        trial.LastResult = result;
        trial.Results.Add(result);
        ExperimentStore.AppendResult(trial, result);
        if (report.Checkpoint is { } folder)
        {
            trial.LatestCheckpoint = folder;
            KeepCheckpoints(trial, folder, result);
        }

        if (!result.Metrics.ContainsKey(_tune.Metric))
        {
            trial.EndAs = TrialStatus.Error;
            trial.Error = $"The trial reported no '{_tune.Metric}', the metric being tuned (it reported: {string.Join(", ", result.Metrics.Keys)}).";
            return TrialDecision.Stop;
        }

        _searcher.OnTrialResult(trial.Id, result);
        var decision = StopCriteriaMet(trial, result) || _stopAtNextReport.Remove(trial.Id)
            ? TrialDecision.Stop
            : _scheduler.OnTrialResult(trial.Id, result);
        StopWhatTheSchedulerDropped(trial.Id);
        if (decision.Exploit is { } exploit && _trials.TryGetValue(exploit.SourceTrialId, out var source) && source.LatestCheckpoint is { } sourceCheckpoint)
        {
            // PBT: this trial ends its run and starts again from the better trial's checkpoint with the new config.
            trial.Config = exploit.NewConfig;
            trial.RestoreFrom = CopyCheckpoint(sourceCheckpoint, trial);
            ExperimentStore.WriteParams(trial);
            trial.EndAs = TrialStatus.Pending;
            return decision;
        }

        trial.EndAs = decision.Action switch
        {
            TrialAction.Stop => TrialStatus.Terminated,
            TrialAction.Pause => TrialStatus.Paused,
            _ => null,
        };
        return decision.Exploit is null ? decision : TrialDecision.Continue;
    }

    // HyperBand drops the losers of a filled rung, which may be paused (ended now) or running (stopped at their next report).
    private void StopWhatTheSchedulerDropped(string reporting)
    {
        foreach (var id in _scheduler.TakeTrialsToStop())
        {
            if (id == reporting || !_trials.TryGetValue(id, out var dropped))
            {
                continue;
            }

            if (dropped.Status is TrialStatus.Paused or TrialStatus.Pending)
            {
                dropped.Status = TrialStatus.Terminated;
                _searcher.OnTrialComplete(id, dropped.LastResult, failed: false);
            }
            else if (dropped.Status is TrialStatus.Running)
            {
                _stopAtNextReport.Add(id);
            }
        }
    }

    private bool StopCriteriaMet(Trial trial, TrialResult result)
    {
        var stop = _run.Stop;
        if (stop.MaxIterations is { } max && result.Iteration >= max)
        {
            return true;
        }

        if (stop.MaxTimePerTrial is { } time && result.Elapsed >= time)
        {
            return true;
        }

        if (stop.MetricAtLeast.Any(c => result.Metrics.TryGetValue(c.Key, out var v) && v >= c.Value)
            || stop.MetricAtMost.Any(c => result.Metrics.TryGetValue(c.Key, out var v) && v <= c.Value))
        {
            return true;
        }

        if (stop.PlateauPatience is { } patience)
        {
            var value = result.Metric(_tune.Metric);
            var improved = trial.BestMetric is not { } best
                || (_tune.Mode == TuneMode.Min ? value < best - stop.PlateauMinDelta : value > best + stop.PlateauMinDelta);
            if (improved)
            {
                trial.BestMetric = value;
                trial.IterationsSinceImprovement = 0;
            }
            else if (++trial.IterationsSinceImprovement >= patience)
            {
                return true;
            }
        }

        return false;
    }

    private void End(Trial trial, TrialEvent.Ended ended)
    {
        _running.Remove(trial.Id);
        trial.ElapsedBefore += ended.RunTime;
        if (ended.Error is null || trial.EndAs is TrialStatus.Error)
        {
            trial.Status = trial.EndAs ?? TrialStatus.Terminated;
            trial.EndAs = null;
            if (trial.Status is TrialStatus.Terminated)
            {
                _searcher.OnTrialComplete(trial.Id, trial.LastResult, failed: false);
                _scheduler.OnTrialComplete(trial.Id, trial.LastResult);
            }
            else if (trial.Status is TrialStatus.Error)
            {
                Failed(trial);
            }

            return;
        }

        trial.Failures++;
        trial.EndAs = null;
        var message = ended.Error is TaskFailedException failed ? failed.Message : ended.Error.Message;
        if (trial.Failures <= _run.Failures.MaxFailures)
        {
            // Restarted from its latest checkpoint by the next FillSlots.
            trial.Status = TrialStatus.Pending;
            return;
        }

        trial.Status = TrialStatus.Error;
        trial.Error = message;
        Failed(trial);
    }

    private void Failed(Trial trial)
    {
        _searcher.OnTrialComplete(trial.Id, trial.LastResult, failed: true);
        _scheduler.OnTrialError(trial.Id);
        _failedFast |= _run.Failures.FailFast;
    }

    private void KeepCheckpoints(Trial trial, string folder, TrialResult result)
    {
        var policy = _run.Checkpoints;
        double? score = policy.ScoreAttribute is { } attribute && result.Metrics.TryGetValue(attribute, out var s) ? s : null;
        trial.Checkpoints.Add((folder, score));
        if (policy.NumToKeep is not { } keep || trial.Checkpoints.Count <= keep)
        {
            return;
        }

        var ranked = policy.ScoreAttribute is null
            ? trial.Checkpoints.AsEnumerable().Reverse()
            : policy.ScoreMode == TuneMode.Max
                ? trial.Checkpoints.OrderByDescending(c => c.Score ?? double.NegativeInfinity)
                : trial.Checkpoints.OrderBy(c => c.Score ?? double.PositiveInfinity);
        var kept = ranked.Take(keep).Select(c => c.Folder).Append(folder).ToHashSet(StringComparer.Ordinal);
        foreach (var old in trial.Checkpoints.Where(c => !kept.Contains(c.Folder)).ToList())
        {
            if (Directory.Exists(old.Folder))
            {
                Directory.Delete(old.Folder, recursive: true);
            }

            trial.Checkpoints.Remove(old);
        }
    }

    private static string CopyCheckpoint(string source, Trial trial)
    {
        var target = Path.Combine(trial.Directory, Path.GetFileName(source));
        if (Path.GetFullPath(target) == Path.GetFullPath(source))
        {
            return source;
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        Directory.CreateDirectory(target);
        return target;
    }
}
