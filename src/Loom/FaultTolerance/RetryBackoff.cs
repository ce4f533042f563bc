namespace Loom;

/// <summary>How long a task waits before each retry: <see cref="InitialDelay"/>, growing by <see cref="Multiplier"/> up to <see cref="MaxDelay"/>.</summary>
/// <param name="InitialDelay">The wait before the first retry.</param>
/// <param name="Multiplier">The growth of the wait from one retry to the next (1 or more).</param>
/// <param name="MaxDelay">The longest wait.</param>
public sealed record RetryBackoff(TimeSpan InitialDelay, double Multiplier, TimeSpan MaxDelay)
{
    /// <summary>100 ms, doubling, at most 10 s.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromMilliseconds(100), 2, TimeSpan.FromSeconds(10));

    /// <summary>Retries at once.</summary>
    public static RetryBackoff None { get; } = new(TimeSpan.Zero, 1, TimeSpan.Zero);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    /// <param name="retry">The retry's number, from 1.</param>
    public TimeSpan DelayBefore(int retry)
    {
        if (InitialDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var delay = InitialDelay.TotalMilliseconds * Math.Pow(Math.Max(1, Multiplier), retry - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelay.TotalMilliseconds));
    }
}
