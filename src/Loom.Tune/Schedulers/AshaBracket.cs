namespace Loom.Tune.Schedulers;

/// <summary>
/// One bracket of asynchronous successive halving: its rungs and the metric values recorded at each. A trial that
/// reaches a rung continues only if its value is at least the rung's cutoff, the (1 − 1/η) percentile of the values
/// recorded there before it (so the top 1/η go on); the first trial at a rung always continues. As Ray's
/// <c>_Bracket</c>, the rungs are scanned from the highest down and a trial is judged at the highest rung it has
/// reached and not yet been recorded at.
/// </summary>
internal sealed class AshaBracket
{
    private readonly IReadOnlyList<double> _milestones;
    private readonly List<Dictionary<string, double>> _recorded;
    private readonly double _cutoffPercent;

    /// <summary>Creates a bracket over its saved records.</summary>
    /// <param name="milestones">The rungs' milestones, ascending.</param>
    /// <param name="recorded">The values recorded at each rung; one dictionary per milestone, updated in place.</param>
    /// <param name="reductionFactor">η.</param>
    public AshaBracket(IReadOnlyList<double> milestones, List<Dictionary<string, double>> recorded, double reductionFactor)
    {
        _milestones = milestones;
        _recorded = recorded;
        _cutoffPercent = (1 - (1 / reductionFactor)) * 100;
    }

    /// <summary>Judges a trial's result and records it at the rung it is judged at.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="time">The result's time.</param>
    /// <param name="score">The result's metric, signed so that higher is better.</param>
    /// <returns>Stop when the value is below the rung's cutoff, else Continue.</returns>
    public TrialAction OnResult(string trialId, double time, double score)
    {
        for (var rung = _milestones.Count - 1; rung >= 0; rung--)
        {
            var recorded = _recorded[rung];
            if (time < _milestones[rung] || recorded.ContainsKey(trialId))
            {
                continue;
            }

            var cutoff = Cutoff(rung);
            recorded[trialId] = score;
            return cutoff is { } c && score < c ? TrialAction.Stop : TrialAction.Continue;
        }

        return TrialAction.Continue;
    }

    /// <summary>A rung's cutoff: the (1 − 1/η) percentile of its recorded values.</summary>
    /// <param name="rung">The rung's index, 0 for the lowest.</param>
    /// <returns>The cutoff, signed so that higher is better, or null when nothing is recorded.</returns>
    public double? Cutoff(int rung) => Percentiles.Of(_recorded[rung].Values, _cutoffPercent);
}
