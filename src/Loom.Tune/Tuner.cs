using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Loom.Tune.Schedulers;
using Loom.Tune.Search;

namespace Loom.Tune;

/// <summary>
/// Runs a hyperparameter search on a Loom cluster: trials are Loom tasks with their own resources, suggested by the
/// search algorithm, stopped, paused or exploited by the scheduler, recorded in the experiment folder after every
/// event so that <see cref="Restore"/> continues an interrupted experiment.
/// </summary>
public sealed partial class Tuner
{
    private readonly LoomCluster _loom;
    private readonly Trainable _trainable;
    private readonly SearchSpace _space;
    private readonly TuneConfig _tune;
    private readonly RunConfig _run;
    private readonly ExperimentState? _restored;
    private readonly Dictionary<string, Trial> _trials = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopAtNextReport = new(StringComparer.Ordinal);
    private readonly Channel<TrialEvent> _events = Channel.CreateUnbounded<TrialEvent>();
    private Action<ResultGrid>? _progress;
    private ISearcher _searcher = null!;
    private ITrialScheduler _scheduler = null!;
    private ExperimentStore _store = null!;
    private int _nextTrial;
    private bool _failedFast;

    /// <summary>Creates a tuner.</summary>
    /// <param name="loom">The cluster the trials run on.</param>
    /// <param name="trainable">What each trial runs.</param>
    /// <param name="space">The parameter space.</param>
    /// <param name="tune">What to optimise and how to search.</param>
    /// <param name="run">Where results go and when trials stop.</param>
    public Tuner(LoomCluster loom, Trainable trainable, SearchSpace space, TuneConfig tune, RunConfig? run = null)
        : this(loom, trainable, space, tune, run ?? new RunConfig(), null)
    {
    }

    private Tuner(LoomCluster loom, Trainable trainable, SearchSpace space, TuneConfig tune, RunConfig run, ExperimentState? restored)
    {
        ArgumentNullException.ThrowIfNull(loom);
        ArgumentNullException.ThrowIfNull(trainable);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(tune);
        ArgumentException.ThrowIfNullOrEmpty(tune.Metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(tune.NumSamples, 1);
        _loom = loom;
        _trainable = trainable;
        _space = space;
        _tune = tune;
        _run = run;
        _restored = restored;
    }

    /// <summary>Whether a folder holds an experiment that <see cref="Restore"/> can continue.</summary>
    /// <param name="experimentPath">The experiment's folder.</param>
    /// <returns>True when it has an <c>experiment_state.json</c>.</returns>
    public static bool CanRestore(string experimentPath) =>
        File.Exists(Path.Combine(experimentPath, ExperimentStore.StateFile));

    /// <summary>
    /// A tuner that continues an experiment interrupted by Ctrl-C, a crash or kill -9: finished trials are kept as
    /// they are, unfinished ones resume from their latest checkpoint, the search and scheduler go on from their
    /// saved state. Give the same trainable, space and search settings as the first run.
    /// </summary>
    /// <param name="experimentPath">The experiment's folder.</param>
    /// <param name="loom">The cluster.</param>
    /// <param name="trainable">What each trial runs.</param>
    /// <param name="space">The parameter space.</param>
    /// <param name="tune">What to optimise and how to search.</param>
    /// <param name="run">Stop, checkpoint and failure settings; the name and storage path come from <paramref name="experimentPath"/>.</param>
    /// <returns>The tuner; call <see cref="FitAsync"/>.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no experiment.</exception>
    public static Tuner Restore(string experimentPath, LoomCluster loom, Trainable trainable, SearchSpace space, TuneConfig tune, RunConfig? run = null)
    {
        var full = Path.GetFullPath(experimentPath);
        var state = ExperimentStore.Load(full)
            ?? throw new FileNotFoundException($"{full} holds no experiment ({ExperimentStore.StateFile} is missing); start it with FitAsync instead.");
        var where = (run ?? new RunConfig()) with { Name = Path.GetFileName(full), StoragePath = Path.GetDirectoryName(full)! };
        return new Tuner(loom, trainable, space, tune, where, state);
    }

    /// <summary>
    /// Calls <paramref name="progress"/> with the trials so far after every report, start and end (on the tuner's
    /// loop: keep it quick), for a live table or plot.
    /// </summary>
    /// <param name="progress">The callback.</param>
    /// <returns>This tuner.</returns>
    public Tuner OnProgress(Action<ResultGrid> progress)
    {
        _progress = progress;
        return this;
    }

    /// <summary>Runs the experiment until every trial has ended (or the time budget is spent and the running trials ended).</summary>
    /// <param name="cancellationToken">Stops the experiment; its state is saved first, so it can be restored.</param>
    /// <returns>The results.</returns>
    public async Task<ResultGrid> FitAsync(CancellationToken cancellationToken = default)
    {
        _store = new ExperimentStore(Path.GetFullPath(_run.ExperimentPath));
        _searcher = _tune.SearchAlgorithm ?? new RandomSearch();
        _scheduler = _tune.Scheduler ?? new FifoScheduler();
        _searcher.Setup(_space, _tune.Metric, _tune.Mode, _tune.NumSamples, _tune.Seed);
        _scheduler.Setup(_tune.Metric, _tune.Mode);
        if (_restored is not null)
        {
            LoadRestored(_restored);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.StartNew();
        var maxConcurrent = _tune.MaxConcurrentTrials ?? DefaultConcurrency();
        SaveState();
        while (true)
        {
            FillSlots(maxConcurrent, started.Elapsed, stopping.Token);
            SaveState();
            if (_running.Count == 0)
            {
                break;
            }

            TrialEvent next;
            try
            {
                next = await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await stopping.CancelAsync().ConfigureAwait(false);
                SaveState();
                throw;
            }

            Handle(next);
            _progress?.Invoke(Results());
            if (_failedFast)
            {
                await stopping.CancelAsync().ConfigureAwait(false);
            }
        }

        SaveState();
        var results = Results();
        _progress?.Invoke(results);
        return results;
    }

    private int DefaultConcurrency()
    {
        var resources = _loom.GetStatus().Resources;
        var cpus = resources.FirstOrDefault(r => r.Name == "CPU")?.Total ?? Environment.ProcessorCount;
        var gpus = resources.FirstOrDefault(r => r.Name == "GPU")?.Total ?? 0;
        var byCpu = _trainable.Resources.TotalCpus > 0 ? (int)Math.Floor(cpus / _trainable.Resources.TotalCpus) : int.MaxValue;
        var byGpu = _trainable.Resources.TotalGpus > 0 ? (int)Math.Floor(gpus / _trainable.Resources.TotalGpus) : int.MaxValue;
        return Math.Max(1, Math.Min(Math.Min(byCpu, byGpu), 1024));
    }

    private void FillSlots(int maxConcurrent, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        // Random and grid search suggest ahead (as Ray's max_pending_trials), so that a synchronous scheduler such
        // as HyperBand sees a bracket's trials before it halves them; adaptive searchers suggest one at a time, each
        // from every result so far.
        var pendingCap = _searcher is RandomSearch ? Math.Max(16, maxConcurrent) : 1;
        while (!_failedFast && !cancellationToken.IsCancellationRequested)
        {
            var unstarted = _order.Count(id => _trials[id] is { Status: TrialStatus.Pending, Attempt: 0 });
            var withinBudget = _tune.TimeBudget is not { } budget || elapsed < budget;
            if (unstarted < pendingCap && withinBudget && !_searcher.IsFinished)
            {
                var id = $"trial_{_nextTrial.ToString("D5", CultureInfo.InvariantCulture)}";
                if (_searcher.Suggest(id) is { } config)
                {
                    _nextTrial++;
                    var trial = new Trial(id, config, Path.Combine(_store.Path, id));
                    _trials[id] = trial;
                    _order.Add(id);
                    ExperimentStore.WriteParams(trial);
                    _scheduler.OnTrialAdd(id, config);
                    continue;
                }
            }

            if (_running.Count >= maxConcurrent)
            {
                return;
            }

            var waiting = _order.Where(id => _trials[id].Status is TrialStatus.Pending or TrialStatus.Paused
                && (withinBudget || _trials[id].Attempt > 0)).ToList();
            if ((waiting.Count > 0 ? _scheduler.ChooseTrialToRun(waiting) : null) is not { } next)
            {
                return;
            }

            Start(_trials[next], cancellationToken);
        }
    }

    private void Start(Trial trial, CancellationToken cancellationToken)
    {
        trial.Attempt++;
        trial.Status = TrialStatus.Running;
        trial.EndAs = null;
        var checkpoint = trial.RestoreFrom ?? trial.LatestCheckpoint;
        trial.RestoreFrom = null;
        var iteration = CheckpointIteration(checkpoint);
        if (iteration < trial.Iteration)
        {
            RewindResults(trial, iteration);
        }

        trial.Iteration = iteration;
        var attempt = trial.Attempt;
        var config = trial.Config;
        var clock = Stopwatch.StartNew();
        var elapsedBefore = trial.ElapsedBefore;
        var resources = _trainable.Resources;
        var group = resources.Bundles.Count > 0 ? _loom.CreatePlacementGroup(resources.Bundles, resources.Strategy) : null;
        var key = TrialHost.Register(async gpuIds =>
        {
            var context = new TrialContext(
                trial.Id, config, trial.Directory, checkpoint, iteration, gpuIds,
                async (c, metrics, folder) =>
                {
                    var decision = new TaskCompletionSource<TrialDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
                    await _events.Writer.WriteAsync(
                        new TrialEvent.Reported(trial.Id, attempt, c.Iteration, metrics, folder, elapsedBefore + clock.Elapsed, decision), cancellationToken).ConfigureAwait(false);
                    var answer = await decision.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (answer.Action != TrialAction.Continue || answer.Exploit is not null)
                    {
                        throw new TrialStoppedException($"Trial {trial.Id}: {answer.Action}");
                    }
                },
                cancellationToken,
                group);
            try
            {
                await _trainable.RunAsync(context).ConfigureAwait(false);
            }
            catch (TrialStoppedException)
            {
                // Ended by a decision.
            }
        });
        var function = _loom.Task(static (string runKey) => TrialHost.RunAsync(runKey))
            .WithCpus(resources.Cpus).WithGpus(resources.Gpus).WithName("trial");
        var task = (group is null ? function : function.WithPlacementGroup(group, bundleIndex: 0)).Remote(key);
        _running[trial.Id] = attempt;
        _ = WatchAsync(trial.Id, attempt, task, clock, group);
    }

    private async Task WatchAsync(string trialId, int attempt, ObjectRef<int> task, Stopwatch clock, PlacementGroup? group)
    {
        Exception? error = null;
        try
        {
            using (task)
            {
                await task;
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        if (group is not null)
        {
            // The trial's workers end with its bundles.
            await group.RemoveAsync().ConfigureAwait(false);
        }

        await _events.Writer.WriteAsync(new TrialEvent.Ended(trialId, attempt, error, clock.Elapsed)).ConfigureAwait(false);
    }

    private static int CheckpointIteration(string? checkpoint) =>
        checkpoint is not null && Path.GetFileName(checkpoint) is { } name && name.StartsWith("checkpoint_", StringComparison.Ordinal)
            && int.TryParse(name["checkpoint_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var iteration)
            ? iteration
            : 0;

    private static void RewindResults(Trial trial, int iteration)
    {
        trial.Results.RemoveAll(r => r.Iteration > iteration);
        trial.LastResult = trial.Results.LastOrDefault();
        foreach (var file in new[] { "result.json", "progress.csv" })
        {
            File.Delete(Path.Combine(trial.Directory, file));
        }

        foreach (var result in trial.Results)
        {
            ExperimentStore.AppendResult(trial, result);
        }
    }

    private ResultGrid Results() => new(
        _store.Path,
        _tune.Metric,
        _tune.Mode,
        [.. _order.Select(id => _trials[id]).Select(t => new TrialOutcome
        {
            TrialId = t.Id,
            Config = t.Config,
            Status = t.Status,
            LastResult = t.LastResult,
            Results = [.. t.Results],
            Error = t.Error,
            Path = t.Directory,
            Checkpoint = t.LatestCheckpoint,
        })]);

    private void SaveState() => _store.Save(new ExperimentState
    {
        Metric = _tune.Metric,
        Mode = _tune.Mode,
        NumSamples = _tune.NumSamples,
        NextTrial = _nextTrial,
        SearcherState = _searcher.SaveState(),
        SchedulerState = _scheduler.SaveState(),
        Trials = [.. _order.Select(id => _trials[id]).Select(t => new ExperimentState.TrialState
        {
            Id = t.Id,
            Config = t.Config,
            Status = t.Status,
            Iteration = t.Iteration,
            LatestCheckpoint = t.LatestCheckpoint,
            Failures = t.Failures,
            Error = t.Error,
            ElapsedSeconds = t.ElapsedBefore.TotalSeconds,
        })],
    });

    private void LoadRestored(ExperimentState state)
    {
        _searcher.RestoreState(state.SearcherState);
        _scheduler.RestoreState(state.SchedulerState);
        _nextTrial = state.NextTrial;
        foreach (var saved in state.Trials)
        {
            var trial = new Trial(saved.Id, saved.Config, Path.Combine(_store.Path, saved.Id))
            {
                Status = saved.Status is TrialStatus.Running ? TrialStatus.Pending : saved.Status,
                Iteration = saved.Iteration,
                LatestCheckpoint = saved.LatestCheckpoint is { } c && Directory.Exists(c) ? c : null,
                Failures = saved.Failures,
                Error = saved.Error,
                ElapsedBefore = TimeSpan.FromSeconds(saved.ElapsedSeconds),
            };
            trial.Results.AddRange(ExperimentStore.ReadResults(trial.Id, trial.Directory));
            trial.LastResult = trial.Results.LastOrDefault();
            _trials[trial.Id] = trial;
            _order.Add(trial.Id);
        }
    }
}
