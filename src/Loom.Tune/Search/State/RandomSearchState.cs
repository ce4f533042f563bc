namespace Loom.Tune.Search.State;

/// <summary>The saved state of a <see cref="RandomSearch"/>.</summary>
internal sealed record RandomSearchState
{
    /// <summary>The searcher that wrote it.</summary>
    public string? Kind { get; init; }

    /// <summary>The search seed.</summary>
    public int Seed { get; init; }

    /// <summary>The number of samples.</summary>
    public int NumSamples { get; init; }

    /// <summary>The space's flat names, to check the restoring searcher has the same space.</summary>
    public List<string> Parameters { get; init; } = [];

    /// <summary>The points to evaluate first.</summary>
    public List<TrialConfig> Points { get; init; } = [];

    /// <summary>How many configs were suggested.</summary>
    public long Suggested { get; init; }
}
