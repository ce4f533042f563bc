using System.Globalization;
using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

/// <summary>
/// A deterministic stand-in for the tuner: it runs trials a few at a time, one iteration per step, obeying the
/// scheduler's decisions, and logs everything. Optionally it saves the scheduler's state after some step and goes on
/// with a fresh scheduler restored from it.
/// </summary>
internal sealed class TunerSimulation
{
    private readonly List<string> _log = [];
    private readonly Dictionary<string, int> _iteration = [];
    private readonly Dictionary<string, TrialConfig> _config = [];
    private readonly Dictionary<string, TrialResult> _last = [];
    private readonly List<string> _waiting = [];
    private readonly List<string> _running = [];
    private ITrialScheduler _scheduler;

    private TunerSimulation(ITrialScheduler scheduler) => _scheduler = scheduler;

    /// <summary>Trials still waiting when the run ended (paused trials nobody resumed).</summary>
    public IReadOnlyList<string> Stranded => _waiting;

    /// <summary>The log of starts, results with decisions, and ends.</summary>
    public IReadOnlyList<string> Log => _log;

    public static TunerSimulation Run(
        ITrialScheduler scheduler,
        int trials,
        int concurrency,
        int maxIterations,
        int? swapAfterStep = null,
        Func<ITrialScheduler>? fresh = null)
    {
        var simulation = new TunerSimulation(scheduler);
        simulation.Execute(trials, concurrency, maxIterations, swapAfterStep, fresh);
        return simulation;
    }

    /// <summary>A smooth score peaking at lr = 0.07 that grows with iterations, with a little deterministic noise.</summary>
    private static double Score(string trialId, TrialConfig config, int iteration)
    {
        var lr = config.Get<double>("lr");
        var quality = Math.Exp(-Math.Pow(lr - 0.07, 2) / 0.002);
        var noise = Math.Sin((int.Parse(trialId[1..], CultureInfo.InvariantCulture) * 12.9898) + (iteration * 78.233)) * 0.01;
        return (quality * iteration / (iteration + 3.0)) + noise;
    }

    private void Execute(int trials, int concurrency, int maxIterations, int? swapAfterStep, Func<ITrialScheduler>? fresh)
    {
        _scheduler.Setup("score", TuneMode.Max);
        for (var i = 0; i < trials; i++)
        {
            var id = $"t{i:D2}";
            _config[id] = Results.Config(lr: 0.01 * (i + 1), batch: 8 + i);
            _iteration[id] = 0;
            _scheduler.OnTrialAdd(id, _config[id]);
            _waiting.Add(id);
        }

        for (var step = 1; ; step++)
        {
            while (_running.Count < concurrency && _scheduler.ChooseTrialToRun(_waiting) is { } chosen)
            {
                Assert.Contains(chosen, _waiting);
                _waiting.Remove(chosen);
                _running.Add(chosen);
                _log.Add($"start {chosen}");
            }

            if (_running.Count == 0)
            {
                break;
            }

            Advance(_running[0], maxIterations);
            foreach (var stopped in _scheduler.TakeTrialsToStop())
            {
                Assert.True(_waiting.Remove(stopped), $"{stopped} was stopped but is not waiting");
                _scheduler.OnTrialComplete(stopped, _last.GetValueOrDefault(stopped));
                _log.Add($"stopped {stopped}");
            }

            if (step == swapAfterStep)
            {
                var state = _scheduler.SaveState();
                _scheduler = fresh!();
                _scheduler.RestoreState(state);
                _log.Add("restored");
            }
        }
    }

    private void Advance(string id, int maxIterations)
    {
        _running.Remove(id);
        var iteration = ++_iteration[id];
        var value = Score(id, _config[id], iteration);
        var result = Results.Of(id, iteration, value);
        _last[id] = result;
        var decision = _scheduler.OnTrialResult(id, result);
        var exploit = decision.Exploit is { } e ? $" exploit {e.SourceTrialId} [{e.NewConfig}]" : "";
        _log.Add(string.Create(CultureInfo.InvariantCulture, $"{id}@{iteration}={value:F6} {decision.Action}{exploit}"));
        if (decision.Exploit is { } request)
        {
            _config[id] = request.NewConfig;
            _iteration[id] = _iteration[request.SourceTrialId];
        }

        switch (decision.Action)
        {
            case TrialAction.Continue when _iteration[id] < maxIterations:
                _running.Add(id);
                break;
            case TrialAction.Pause:
                _waiting.Add(id);
                break;
            default:
                _scheduler.OnTrialComplete(id, result);
                _log.Add($"end {id}");
                break;
        }
    }
}
