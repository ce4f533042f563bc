using Loom.Jobs.Specs;

namespace Loom.Jobs.Local;

/// <summary>Runs an app's replicas as local OS processes, or finds again those of an earlier head.</summary>
public static class ReplicaRunner
{
    /// <summary>Starts every replica of every role; see <see cref="AppRun"/>.</summary>
    /// <param name="app">The app, before macro substitution.</param>
    /// <param name="options">Where and how it runs.</param>
    /// <returns>The run.</returns>
    public static AppRun Start(AppDef app, AppRunOptions options) => AppRun.Start(app, options);

    /// <summary>Finds the replicas an earlier head recorded; see <see cref="ReattachedRun"/>.</summary>
    /// <param name="recorded">The recorded replicas (<see cref="AppRun.Replicas"/> of the earlier head).</param>
    /// <param name="pollInterval">How often the live ones are looked for.</param>
    /// <param name="time">The clock for polling; the system clock when null.</param>
    /// <returns>The reattached run.</returns>
    public static ReattachedRun Reattach(IEnumerable<ReplicaProcessInfo> recorded, TimeSpan pollInterval, TimeProvider? time = null) =>
        ReattachedRun.Attach(recorded, pollInterval, time);
}
