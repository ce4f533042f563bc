namespace Loom.Tune;

/// <summary>
/// What a running trial sees: its config, the checkpoint to resume from, its folder and GPUs, and
/// <c>ReportAsync</c>, which records an iteration's metrics (and optionally a checkpoint) and returns once
/// the scheduler has decided that the trial goes on.
/// </summary>
public sealed class TrialContext
{
    private readonly Func<TrialContext, IReadOnlyDictionary<string, double>, string?, Task> _report;

    internal TrialContext(
        string trialId, TrialConfig config, string trialDirectory, string? checkpoint, int iteration,
        IReadOnlyList<int> gpuIds, Func<TrialContext, IReadOnlyDictionary<string, double>, string?, Task> report, CancellationToken cancellationToken,
        PlacementGroup? placementGroup = null)
    {
        PlacementGroup = placementGroup;
        TrialId = trialId;
        Config = config;
        TrialDirectory = trialDirectory;
        Checkpoint = checkpoint;
        Iteration = iteration;
        GpuIds = gpuIds;
        _report = report;
        CancellationToken = cancellationToken;
    }

    /// <summary>The trial's id.</summary>
    public string TrialId { get; }

    /// <summary>The trial's hyperparameters.</summary>
    public TrialConfig Config { get; }

    /// <summary>The trial's folder (results, checkpoints).</summary>
    public string TrialDirectory { get; }

    /// <summary>The checkpoint folder to resume from (after a pause, a failure, a restore or a PBT exploit), or null to start fresh.</summary>
    public string? Checkpoint { get; }

    /// <summary>The iterations reported so far, including those of earlier runs of this trial.</summary>
    public int Iteration { get; private set; }

    /// <summary>The GPU ids given to this trial.</summary>
    public IReadOnlyList<int> GpuIds { get; }

    /// <summary>The trial's placement group when its resources have bundles (its task runs in bundle 0), else null.</summary>
    public PlacementGroup? PlacementGroup { get; }

    /// <summary>Cancelled when the experiment stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Reports one iteration's metrics. When <paramref name="checkpoint"/> is given it is called first with a new
    /// folder to write the checkpoint into. Returns when the trial should go on; when the scheduler or a stop
    /// criterion ends the trial, or pauses it, this throws <see cref="TrialStoppedException"/>, which the trainable
    /// should let pass.
    /// </summary>
    /// <param name="metrics">The metrics, name to value.</param>
    /// <param name="checkpoint">Writes a checkpoint into the folder it is given, or null.</param>
    /// <returns>A task that completes when the trial may go on.</returns>
    public async Task ReportAsync(IReadOnlyDictionary<string, double> metrics, Func<string, Task>? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Iteration++;
        string? folder = null;
        if (checkpoint is not null)
        {
            folder = Path.Combine(TrialDirectory, $"checkpoint_{Iteration:D6}");
            var partial = folder + ".partial";
            Directory.CreateDirectory(partial);
            await checkpoint(partial).ConfigureAwait(false);
            if (!Directory.EnumerateFileSystemEntries(partial).Any())
            {
                // Nothing was written: no checkpoint this time.
                Directory.Delete(partial);
                folder = null;
            }
            else if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (folder is not null)
            {
                Directory.Move(partial, folder);
            }
        }

        await _report(this, metrics, folder).ConfigureAwait(false);
    }

    /// <summary>Reports one iteration's metrics with no checkpoint.</summary>
    /// <param name="metrics">The metrics as (name, value) pairs.</param>
    /// <returns>A task that completes when the trial may go on.</returns>
    public Task ReportAsync(params (string Name, double Value)[] metrics) =>
        ReportAsync(metrics.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal));
}
