namespace Loom.Tune.Search.State;

/// <summary>The saved state of a <see cref="ConcurrencyLimiter"/>.</summary>
internal sealed record ConcurrencyLimiterState
{
    /// <summary>The searcher that wrote it.</summary>
    public string? Kind { get; init; }

    /// <summary>The suggested trials not completed yet, in suggestion order.</summary>
    public List<string> Live { get; init; } = [];

    /// <summary>The wrapped searcher's state.</summary>
    public string Inner { get; init; } = "";
}
