namespace Loom.Tune;

/// <summary>The class form of a trainable (Ray's <c>Trainable</c>): set up from the config, then stepped; saved and loaded for checkpoints.</summary>
public abstract class TrainableClass
{
    /// <summary>Prepares the trial from its config.</summary>
    /// <param name="config">The hyperparameters.</param>
    /// <returns>A task.</returns>
    public virtual Task SetupAsync(TrialConfig config) => Task.CompletedTask;

    /// <summary>Runs one iteration and returns its metrics.</summary>
    /// <returns>The metrics.</returns>
    public abstract Task<IReadOnlyDictionary<string, double>> StepAsync();

    /// <summary>Writes a checkpoint into a folder; return false (the default) when the class does not checkpoint.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>Whether a checkpoint was written.</returns>
    public virtual Task<bool> SaveAsync(string directory) => Task.FromResult(false);

    /// <summary>Restores from a checkpoint folder written by <see cref="SaveAsync"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>A task.</returns>
    public virtual Task LoadAsync(string directory) => Task.CompletedTask;
}
