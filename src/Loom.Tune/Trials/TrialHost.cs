using System.Collections.Concurrent;

namespace Loom.Tune;

/// <summary>
/// Runs a trial inside the Loom task that holds its resources. The task gets only a key; the trainable and the
/// report channel of the running experiment are found here by that key (trials run in the driver's process).
/// </summary>
internal static class TrialHost
{
    private static readonly ConcurrentDictionary<string, Func<IReadOnlyList<int>, Task>> Runs = new(StringComparer.Ordinal);

    public static string Register(Func<IReadOnlyList<int>, Task> run)
    {
        var key = Guid.NewGuid().ToString("N");
        Runs[key] = run;
        return key;
    }

    public static async Task<int> RunAsync(string key)
    {
        if (!Runs.TryRemove(key, out var run))
        {
            throw new InvalidOperationException($"No trial run is registered under {key}; trials run in the process of the Tuner that started them.");
        }

        await run(LoomContext.CurrentOrNull?.GpuIds ?? []).ConfigureAwait(false);
        return 0;
    }
}
