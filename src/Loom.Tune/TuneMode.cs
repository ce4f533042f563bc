namespace Loom.Tune;

/// <summary>Whether the tuned metric is better when lower or when higher.</summary>
public enum TuneMode
{
    /// <summary>Lower is better (a loss).</summary>
    Min,

    /// <summary>Higher is better (an accuracy).</summary>
    Max,
}
