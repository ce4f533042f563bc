namespace Loom.Jobs.Specs;

/// <summary>An application: one or more roles plus Loom's job-level settings, as TorchX's <c>AppDef</c>.</summary>
public sealed record AppDef
{
    /// <summary>The app's name (the job id is derived from it).</summary>
    public required string Name { get; init; }

    /// <summary>The roles that make up the app.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>Free-form metadata for schedulers.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Files, folders or URLs staged into the working directory before the run.</summary>
    public IReadOnlyList<InputSpec> Inputs { get; init; } = [];

    /// <summary>Paths stored after the run.</summary>
    public IReadOnlyList<OutputSpec> Outputs { get; init; } = [];

    /// <summary>The longest the app may run; null for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>A hard memory cap per replica in MiB, above which it is killed; null for none.</summary>
    public int? MemoryLimitMB { get; init; }

    /// <summary>Queue priority; higher runs first.</summary>
    public int Priority { get; init; }

    /// <summary>The user the app runs for; null for the submitting user.</summary>
    public string? User { get; init; }

    /// <summary>Whether the app may be stopped to make room for higher-priority work.</summary>
    public bool Preemptible { get; init; }
}
