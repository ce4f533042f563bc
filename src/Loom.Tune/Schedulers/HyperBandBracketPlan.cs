namespace Loom.Tune.Schedulers;

/// <summary>
/// The shape of one HyperBand bracket (Li et al. 2017): it starts <c>n₀</c> trials, runs them to the first
/// milestone, keeps the best <c>n₁</c> and runs those to the next milestone, and so on to the last.
/// </summary>
/// <param name="S">The bracket's index <c>s</c>: how many times it halves (0 runs all its trials to the end).</param>
/// <param name="TrialCounts">The trials at each rung, <c>n_i</c> (the first is the bracket's size).</param>
/// <param name="Milestones">The time each rung's trials run to, <c>r_i</c>, ascending; the last is <c>maxT</c>.</param>
public sealed record HyperBandBracketPlan(int S, IReadOnlyList<int> TrialCounts, IReadOnlyList<double> Milestones)
{
    /// <summary>The time units a full bracket uses: <c>Σ n_i · (r_i − r_{i−1})</c>.</summary>
    public double TotalWork => TrialCounts.Select((n, i) => n * (Milestones[i] - (i == 0 ? 0 : Milestones[i - 1]))).Sum();

    /// <summary>
    /// The brackets for a maximum time and reduction factor. As Ray: <c>s_max + 1 = round(log_η maxT) + 1</c>
    /// brackets, bracket <c>s</c> starts <c>n₀ = ⌈(s_max + 1) · η^s / (s + 1)⌉</c> trials at
    /// <c>r₀ = ⌊maxT · η^−s⌋</c>, and brackets with <c>r₀ = 0</c> are left out. As the paper: rung <c>i</c> keeps
    /// <c>n_i = ⌊n₀ · η^−i⌋</c> trials (at least one) and runs them to <c>r_i = ⌊maxT · η^(i−s)⌋</c>, the last rung
    /// to <c>maxT</c> itself.
    /// </summary>
    /// <param name="maxT">The most time a trial may run.</param>
    /// <param name="reductionFactor">η.</param>
    /// <returns>The brackets, by ascending <c>s</c>.</returns>
    internal static IReadOnlyList<HyperBandBracketPlan> For(double maxT, double reductionFactor)
    {
        const double Epsilon = 1e-9;
        var sMax1 = (int)Math.Round(Math.Log(maxT) / Math.Log(reductionFactor)) + 1;
        var plans = new List<HyperBandBracketPlan>();
        for (var s = 0; s < sMax1; s++)
        {
            if (Math.Floor((maxT / Math.Pow(reductionFactor, s)) + Epsilon) < 1)
            {
                break;
            }

            var n0 = (int)Math.Ceiling((sMax1 * Math.Pow(reductionFactor, s) / (s + 1)) - Epsilon);
            var counts = Enumerable.Range(0, s + 1)
                .Select(i => Math.Max(1, (int)Math.Floor((n0 / Math.Pow(reductionFactor, i)) + Epsilon)))
                .ToArray();
            var milestones = Enumerable.Range(0, s + 1)
                .Select(i => i == s ? maxT : Math.Floor((maxT / Math.Pow(reductionFactor, s - i)) + Epsilon))
                .ToArray();
            plans.Add(new HyperBandBracketPlan(s, counts, milestones));
        }

        return plans;
    }
}
