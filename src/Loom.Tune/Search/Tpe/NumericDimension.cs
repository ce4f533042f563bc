namespace Loom.Tune.Search.Tpe;

/// <summary>
/// A continuous parameter (<see cref="Uniform"/>, <see cref="LogUniform"/> on the log scale, <see cref="QUniform"/> in steps):
/// truncated Gaussian mixtures; a quantized candidate is scored by the mass of its step's bin.
/// </summary>
internal sealed class NumericDimension : TpeDimension
{
    private readonly double _lo;
    private readonly double _hi;
    private readonly Scale _scale;
    private readonly QUniform? _steps;
    private readonly double _low;
    private readonly double _high;

    /// <summary>Creates the model.</summary>
    /// <param name="lo">The domain's lower bound.</param>
    /// <param name="hi">The domain's upper bound.</param>
    /// <param name="scale">The scale the mixture lives on.</param>
    /// <param name="steps">The quantized domain, or null.</param>
    public NumericDimension(double lo, double hi, Scale scale, QUniform? steps)
    {
        _lo = lo;
        _hi = hi;
        _scale = scale;
        _steps = steps;
        (_low, _high) = steps is not null
            ? (steps.LoSteps - 0.5, steps.HiSteps + 0.5)
            : scale == Scale.Log ? (Math.Log(lo), Math.Log(hi)) : (lo, hi);
    }

    /// <summary>The scale a mixture lives on.</summary>
    public enum Scale
    {
        /// <summary>The values themselves.</summary>
        Linear,

        /// <summary>Their natural logarithm.</summary>
        Log,
    }

    /// <inheritdoc />
    public override object? Choose(IReadOnlyList<(object? Value, double Weight)> good, IReadOnlyList<(object? Value, double Weight)> bad, Random random, int candidates)
    {
        var l = Fit(good);
        var g = Fit(bad);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < candidates; i++)
        {
            var x = l.Sample(random);
            double score;
            if (_steps is not null)
            {
                x = Math.Clamp(Math.Round(x, MidpointRounding.ToEven), _steps.LoSteps, _steps.HiSteps);
                score = l.LogMass(x - 0.5, x + 0.5) - g.LogMass(x - 0.5, x + 0.5);
            }
            else
            {
                score = l.LogPdf(x) - g.LogPdf(x);
            }

            if (double.IsNaN(best) || score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }

        return _steps is not null ? _steps.FromSteps(best)
            : _scale == Scale.Log ? Math.Clamp(Math.Exp(best), _lo, _hi)
            : Math.Clamp(best, _lo, Math.BitDecrement(_hi));
    }

    private ParzenEstimator Fit(IReadOnlyList<(object? Value, double Weight)> observations)
    {
        var values = new List<double>(observations.Count);
        var weights = new List<double>(observations.Count);
        foreach (var (value, weight) in observations)
        {
            if (Internal(value) is { } x)
            {
                values.Add(x);
                weights.Add(weight);
            }
        }

        return new ParzenEstimator(values, weights, _low, _high);
    }

    private double? Internal(object? value)
    {
        double? number = value switch
        {
            double d when double.IsFinite(d) => d,
            long l => l,
            _ => null,
        };
        if (number is not { } x)
        {
            return null;
        }

        if (_steps is not null)
        {
            return Math.Clamp(Math.Round(x / _steps.Q), _steps.LoSteps, _steps.HiSteps);
        }

        return _scale == Scale.Log
            ? x > 0 ? Math.Clamp(Math.Log(x), _low, _high) : null
            : Math.Clamp(x, _low, _high);
    }
}
