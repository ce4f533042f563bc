namespace Loom.Tune.Search.Tpe;

/// <summary>
/// A Parzen estimator on [low, high] (Bergstra et al. 2011, as hyperopt's adaptive Parzen normal): a mixture of Gaussians
/// truncated to the bounds, one at each observation with a bandwidth from its neighbours' distances (clipped to
/// [range / min(100, components + 1), range]), plus a prior component at the middle with the whole range as bandwidth.
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _weight;
    private readonly double[] _mass;

    /// <summary>Fits the estimator.</summary>
    /// <param name="observations">The observed values, inside the bounds.</param>
    /// <param name="weights">Their weights.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound, above <paramref name="low"/>.</param>
    /// <param name="priorWeight">The prior component's weight.</param>
    public ParzenEstimator(IReadOnlyList<double> observations, IReadOnlyList<double> weights, double low, double high, double priorWeight = 1)
    {
        _low = low;
        _high = high;
        var range = high - low;
        var priorMu = 0.5 * (low + high);
        var order = Enumerable.Range(0, observations.Count).OrderBy(i => observations[i]).ThenBy(i => i).ToList();
        var priorAt = order.Count(i => observations[i] < priorMu);
        var count = observations.Count + 1;
        _mu = new double[count];
        _weight = new double[count];
        for (int k = 0, o = 0; k < count; k++)
        {
            (_mu[k], _weight[k]) = k == priorAt ? (priorMu, priorWeight) : (observations[order[o]], weights[order[o++]]);
        }

        _sigma = Bandwidths(_mu, low, high);
        _sigma[priorAt] = range;
        var total = _weight.Sum();
        _mass = new double[count];
        for (var k = 0; k < count; k++)
        {
            _weight[k] /= total;
            _mass[k] = Math.Max(Gaussian.Mass((low - _mu[k]) / _sigma[k], (high - _mu[k]) / _sigma[k]), 1e-300);
        }
    }

    /// <summary>A draw from the mixture, inside the bounds.</summary>
    /// <param name="random">The random source.</param>
    /// <returns>The draw.</returns>
    public double Sample(Random random)
    {
        var k = Component(random.NextDouble());
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = _mu[k] + (_sigma[k] * Gaussian.Next(random));
            if (x >= _low && x <= _high)
            {
                return x;
            }
        }

        return Math.Clamp(_mu[k], _low, _high);
    }

    /// <summary>The log density at <paramref name="x"/>.</summary>
    /// <param name="x">A value inside the bounds.</param>
    /// <returns>The log density.</returns>
    public double LogPdf(double x)
    {
        var terms = new double[_mu.Length];
        for (var k = 0; k < _mu.Length; k++)
        {
            terms[k] = Math.Log(_weight[k]) + Gaussian.LogPdf((x - _mu[k]) / _sigma[k]) - Math.Log(_sigma[k]) - Math.Log(_mass[k]);
        }

        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    /// <summary>The log probability of [<paramref name="a"/>, <paramref name="b"/>] (a quantized value's bin).</summary>
    /// <param name="a">The bin's lower end.</param>
    /// <param name="b">The bin's upper end.</param>
    /// <returns>The log probability.</returns>
    public double LogMass(double a, double b)
    {
        var mass = 0.0;
        for (var k = 0; k < _mu.Length; k++)
        {
            mass += _weight[k] * Gaussian.Mass((a - _mu[k]) / _sigma[k], (b - _mu[k]) / _sigma[k]) / _mass[k];
        }

        return Math.Log(Math.Max(mass, 1e-300));
    }

    private int Component(double u)
    {
        var cumulative = 0.0;
        for (var k = 0; k < _weight.Length; k++)
        {
            cumulative += _weight[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        return _weight.Length - 1;
    }

    private static double[] Bandwidths(double[] sorted, double low, double high)
    {
        var count = sorted.Length;
        var sigma = new double[count];
        if (count == 1)
        {
            return [high - low];
        }

        for (var k = 0; k < count; k++)
        {
            var left = k == 0 ? low : sorted[k - 1];
            var right = k == count - 1 ? high : sorted[k + 1];
            sigma[k] = Math.Max(sorted[k] - left, right - sorted[k]);
        }

        // Ends take their inner neighbour's distance, not the distance to the bound.
        sigma[0] = sorted[1] - sorted[0];
        sigma[count - 1] = sorted[count - 1] - sorted[count - 2];
        var min = (high - low) / Math.Min(100, count + 1);
        for (var k = 0; k < count; k++)
        {
            sigma[k] = Math.Clamp(sigma[k], min, high - low);
        }

        return sigma;
    }
}
