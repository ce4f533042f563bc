namespace Loom.Tests.Support;

/// <summary>Starts embedded clusters with explicit sizes, so tests never depend on the machine.</summary>
internal static class TestCluster
{
    /// <summary>A safety net for awaits that should complete; tests never rely on it for ordering.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<LoomCluster> StartAsync(double cpus = 2, int gpus = 0, Func<LocalClusterOptions, LocalClusterOptions>? configure = null)
    {
        var options = new LocalClusterOptions
        {
            NumCpus = cpus,
            NumGpus = gpus,
            MemoryBytes = 1L << 30,
            ObjectStoreMemoryBytes = 1L << 30,
            NodeName = "test-node",
        };
        return LoomCluster.StartLocalAsync(configure?.Invoke(options) ?? options);
    }

    /// <summary>Waits, polling gently, until <paramref name="condition"/> holds; fails the test after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>Gets a ref's value, failing the test instead of hanging if it never completes.</summary>
    public static ValueTask<T> Within<T>(this ObjectRef<T> reference) => reference.GetAsync(Patience);
}

/// <summary>
/// An async meeting point: callers wait until <c>target</c> of them are inside at once, and the peak
/// number inside is recorded. It holds no thread while waiting.
/// </summary>
internal sealed class Rendezvous
{
    private readonly int _target;
    private readonly TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _peak;
    private int _entered;

    public Rendezvous(int target)
    {
        _target = target;
    }

    public int Peak => Volatile.Read(ref _peak);

    public int Entered => Volatile.Read(ref _entered);

    public bool Met => _met.Task.IsCompleted;

    /// <summary>Enters; completes once <c>target</c> callers have been inside at the same time.</summary>
    public async Task EnterAsync()
    {
        Interlocked.Increment(ref _entered);
        var now = Interlocked.Increment(ref _inside);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        if (now >= _target)
        {
            _met.TrySetResult();
        }

        await _met.Task.WaitAsync(TestCluster.Patience).ConfigureAwait(false);
    }

    public void Leave() => Interlocked.Decrement(ref _inside);
}
