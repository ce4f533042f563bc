namespace Loom.Tune;

/// <summary>What a trial runs: a function, a class with Setup/Step/Save/Load, or (later) a command.</summary>
public abstract class Trainable
{
    /// <summary>What each trial needs from the cluster.</summary>
    public TrialResources Resources { get; init; } = new();

    /// <summary>A function trainable: it reads <see cref="TrialContext.Config"/>, resumes from <see cref="TrialContext.Checkpoint"/> and reports with <see cref="TrialContext.ReportAsync(IReadOnlyDictionary{string, double}, Func{string, Task}?)"/>.</summary>
    /// <param name="run">The function.</param>
    /// <param name="resources">What each trial needs.</param>
    /// <returns>The trainable.</returns>
    public static Trainable Function(Func<TrialContext, Task> run, TrialResources? resources = null) =>
        new FunctionTrainable(run) { Resources = resources ?? new TrialResources() };

    /// <summary>A class trainable: a new <typeparamref name="T"/> per trial run, stepped until stopped.</summary>
    /// <typeparam name="T">The trainable class.</typeparam>
    /// <param name="resources">What each trial needs.</param>
    /// <returns>The trainable.</returns>
    public static Trainable Class<T>(TrialResources? resources = null)
        where T : TrainableClass, new() =>
        new ClassTrainable(() => new T()) { Resources = resources ?? new TrialResources() };

    /// <summary>
    /// A command trainable: any program run once per trial (and again to resume). The config is passed as flags
    /// (<c>--lr 0.1</c>) when <paramref name="configAsFlags"/> is true, and always as the JSON file named by
    /// <c>LOOM_TUNE_CONFIG</c>. The program reports by printing <c>@loom.report {"loss": 0.25}</c> lines, adding
    /// <c>"checkpoint": "NAME"</c> after writing a checkpoint into the new folder <c>LOOM_CHECKPOINT_DIR/NAME</c>; it
    /// resumes from <c>LOOM_RESUME_FROM</c> (that folder's contents) when that is set.
    /// </summary>
    /// <param name="program">The program, e.g. <c>python3</c>.</param>
    /// <param name="arguments">Its arguments before the config flags, e.g. <c>train.py</c>.</param>
    /// <param name="resources">What each trial needs.</param>
    /// <param name="configAsFlags">Whether to append the config as flags.</param>
    /// <param name="gracePeriod">How long a stopped trial's process has between SIGTERM and SIGKILL (default 10 s).</param>
    /// <returns>The trainable.</returns>
    public static Trainable Command(
        string program, IReadOnlyList<string> arguments, TrialResources? resources = null, bool configAsFlags = true, TimeSpan? gracePeriod = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        return new CommandTrainable(program, arguments, configAsFlags, gracePeriod ?? TimeSpan.FromSeconds(10))
        {
            Resources = resources ?? new TrialResources(),
        };
    }

    internal abstract Task RunAsync(TrialContext context);
}
